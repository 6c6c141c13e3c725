using System.Globalization;

namespace Quality.Benchmarking.CommandLine;

/// <summary>Reads the option values every bench tool takes alike, refusing a bad one with its option named.</summary>
public static class OptionValues
{
    public static int Int(IReadOnlyDictionary<string, string> given, string name, int fallback, int minimum, int maximum)
    {
        if (!given.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
            ? value
            : throw new OptionException($"--{name}: '{text}' is not a whole number from {minimum} to {maximum}");
    }

    /// <summary>A service's URL from its option or the environment file, with a trailing slash so relative paths join.</summary>
    public static Uri Url(string? value, string option, string envPath)
    {
        if (value is null)
        {
            throw new OptionException($"no URL for {option}: pass --{option} or start the system with scripts/run.sh (it writes {envPath})");
        }

        return Uri.TryCreate(value.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new OptionException($"--{option}: '{value}' is not an http(s) URL");
    }

    public static TimeSpan Seconds(IReadOnlyDictionary<string, string> given, string name, double fallback, double minimum)
    {
        if (!given.TryGetValue(name, out var text))
        {
            return TimeSpan.FromSeconds(fallback);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= 86_400
            ? TimeSpan.FromSeconds(value)
            : throw new OptionException($"--{name}: '{text}' is not a number of seconds from {minimum} to 86400");
    }

    /// <summary>A result file's label: it goes into a file name.</summary>
    public static string Label(string text) =>
        text.Length is > 0 and <= 60 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? text
            : throw new OptionException($"--label: '{text}' must be 1-60 letters, digits, '-' or '_'");
}
