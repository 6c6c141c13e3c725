using System.Globalization;
using System.Runtime.InteropServices;

namespace Quality.Benchmarking.Reporting;

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

    /// <summary>The 1-minute load average when the record was taken; null where /proc/loadavg is missing.</summary>
    public double? LoadOneMinute =>
        double.TryParse(LoadAverage.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;

    /// <summary>
    /// A run started with more runnable work than cores shared the CPU with other work throughout: its figures
    /// describe the harness on a busy machine, not the system's capacity, and are marked preliminary.
    /// </summary>
    public bool Busy => LoadOneMinute > Cores;

    /// <summary>The note to put at the top of the results when <see cref="Busy"/>, else null.</summary>
    public string? PreliminaryNote() => Busy
        ? string.Create(CultureInfo.InvariantCulture, $"Preliminary: the 1-minute load average was {LoadOneMinute:0.#} on {Cores} cores when the run started, so other work ")
            + "competed for the CPU throughout (see the load average after each stage). These figures describe this harness on a busy machine, not the system's capacity."
        : null;

    /// <summary>"load average 1.2 0.9 0.7 on 2 cores", for a line printed beside a figure.</summary>
    public static string LoadLine() =>
        LoadAverageNow() is { Length: > 0 } load ? $"load average {load} on {Environment.ProcessorCount} cores" : $"{Environment.ProcessorCount} cores";

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
