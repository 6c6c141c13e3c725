using System.Globalization;

namespace Quality.Web.Features.Overview;

/// <summary>KPI values as people read them, by unit: 87.5%, 42, 4m 30s, 12.</summary>
public static class KpiFormat
{
    public static string Value(double? value, string unit, CultureInfo culture) =>
        value is { } v ? Number(v, unit, culture) : "—";

    /// <summary>A change with its sign: +2.5%, −30s, +3.</summary>
    public static string Delta(double delta, string unit, CultureInfo culture)
    {
        var sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
        return sign + Number(Math.Abs(delta), unit, culture);
    }

    private static string Number(double value, string unit, CultureInfo culture) => unit switch
    {
        "percent" => value.ToString("0.#", culture) + "%",
        "seconds" => Duration(value),
        "cases" => value.ToString("0", culture),
        _ => value.ToString("0.#", culture),
    };

    /// <summary>The two largest units that matter: 45s, 4m 30s, 2h 05m, 3d 4h.</summary>
    public static string Duration(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Round(seconds));
        return t.TotalSeconds switch
        {
            < 60 => $"{t.Seconds}s",
            < 3600 => $"{t.Minutes}m {t.Seconds:00}s",
            < 86400 => $"{t.Hours}h {t.Minutes:00}m",
            _ => $"{(int)t.TotalDays}d {t.Hours}h",
        };
    }
}
