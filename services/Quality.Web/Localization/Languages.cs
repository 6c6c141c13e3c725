using System.Globalization;

namespace Quality.Web.Localization;

/// <summary>The UI's languages: English (the default) and Chinese.</summary>
public static class Languages
{
    public const string English = "en";
    public const string Chinese = "zh";

    public static readonly IReadOnlyList<string> All = [English, Chinese];

    public static bool IsSupported(string? language) => language is not null && All.Contains(language, StringComparer.OrdinalIgnoreCase);

    /// <summary>The language's own name, shown on the switch whatever the current language is.</summary>
    public static string NativeName(string language) => language == Chinese ? "中文" : "English";

    public static CultureInfo[] Cultures() => [.. All.Select(CultureInfo.GetCultureInfo)];
}
