using System.Globalization;
using Quality.Hosting;

namespace Quality.AppHost;

/// <summary>The AppHost's demo options (<c>--demo</c>, <c>--demo-rate N</c>), taken off the command line before the rest goes to Quality.Hosting.</summary>
internal sealed record DemoOptions(bool Enabled, double Rate)
{
    public const double DefaultRate = 5;
    public const double MaxRate = 100;

    public const string Usage =
        "--demo (drive realistic traffic from ../shared/data/waimai_10k.csv, with agents working the cases)  " +
        "--demo-rate N (items/s, default 5)";

    /// <summary>The demo options and the arguments left for <see cref="CommandLine"/>.</summary>
    public static (DemoOptions Demo, string[] HostArgs) Parse(IReadOnlyList<string> args)
    {
        var enabled = false;
        double? rate = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--demo")
            {
                enabled = true;
            }
            else if (args[i] == "--demo-rate" || args[i].StartsWith("--demo-rate=", StringComparison.Ordinal))
            {
                var text = args[i].Contains('=', StringComparison.Ordinal) ? args[i][(args[i].IndexOf('=', StringComparison.Ordinal) + 1)..]
                    : i + 1 < args.Count ? args[++i]
                    : throw new HostingException("--demo-rate needs a value: items/s, e.g. --demo-rate 5");
                rate = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= MaxRate
                    ? value
                    : throw new HostingException($"--demo-rate {text} is not a number of items/s above 0 and at most {MaxRate}");
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        if (rate is not null && !enabled)
        {
            throw new HostingException("--demo-rate is for the demo: add --demo");
        }

        return (new DemoOptions(enabled, rate ?? DefaultRate), [.. rest]);
    }
}
