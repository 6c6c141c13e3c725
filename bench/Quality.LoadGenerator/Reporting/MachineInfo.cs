using System.Globalization;
using System.Runtime.InteropServices;

namespace Quality.LoadGenerator.Reporting;

/// <summary>The machine the figures were taken on, with its load average (other work competes for the cores).</summary>
public sealed record MachineInfo(string Host, int Cores, string Cpu, double MemoryGb, string Os, string Runtime, string LoadAverage)
{
    public static MachineInfo Current() => new(
        Environment.MachineName,
        Environment.ProcessorCount,
        Read("/proc/cpuinfo", lines => lines.FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()) ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Read("/proc/meminfo", lines => lines.FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line
            ? Math.Round(double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024 / 1024, 1)
            : (double?)null) ?? 0,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        LoadAverageNow());

    /// <summary>1, 5 and 15-minute load averages from /proc/loadavg.</summary>
    public static string LoadAverageNow() =>
        Read("/proc/loadavg", lines => string.Join(' ', lines.FirstOrDefault()?.Split(' ').Take(3) ?? [])) ?? "";

    private static T? Read<T>(string path, Func<string[], T?> parse)
    {
        try
        {
            return File.Exists(path) ? parse(File.ReadAllLines(path)) : default;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return default;
        }
    }
}
