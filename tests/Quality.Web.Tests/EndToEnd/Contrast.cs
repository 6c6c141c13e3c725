using System.Globalization;
using System.Text.RegularExpressions;

namespace Quality.Web.Tests.EndToEnd;

/// <summary>WCAG 2 contrast between two CSS colours as browsers compute them (<c>rgb(…)</c> / <c>rgba(…)</c>).</summary>
public static partial class Contrast
{
    public static double Ratio(string foreground, string background)
    {
        var back = Parse(background);
        var fore = Blend(Parse(foreground), back);
        var (light, dark) = (Luminance(fore), Luminance(back)) is var (a, b) && a > b ? (a, b) : (b, a);
        return (light + 0.05) / (dark + 0.05);
    }

    /// <summary>A translucent text colour shows the background through it.</summary>
    private static (double R, double G, double B, double A) Blend((double R, double G, double B, double A) fore, (double R, double G, double B, double A) back) =>
        (fore.R * fore.A + back.R * (1 - fore.A), fore.G * fore.A + back.G * (1 - fore.A), fore.B * fore.A + back.B * (1 - fore.A), 1);

    private static double Luminance((double R, double G, double B, double A) c) =>
        0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);

    private static double Channel(double value)
    {
        var s = value / 255;
        return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }

    public static (double R, double G, double B, double A) Parse(string css)
    {
        var match = RgbPattern().Match(css);
        if (!match.Success)
        {
            throw new FormatException($"not an rgb() colour: {css}");
        }

        double Part(int i) => double.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture);
        return (Part(1), Part(2), Part(3), match.Groups[4].Success ? Part(4) : 1);
    }

    [GeneratedRegex(@"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)")]
    private static partial Regex RgbPattern();
}
