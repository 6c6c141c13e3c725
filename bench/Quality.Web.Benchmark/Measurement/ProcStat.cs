using System.Globalization;

namespace Quality.Web.Benchmark.Measurement;

/// <summary>CPU time and resident memory of a process from /proc; NaN once it is gone.</summary>
public static class ProcStat
{
    private const double TicksPerSecond = 100; // USER_HZ

    /// <summary>User and system CPU seconds so far.</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    public static double RssMegabytes(int pid) => Kilobytes($"/proc/{pid}/status", "VmRSS:");

    /// <summary>Proportional set size: shared pages divided among the processes sharing them, so a sum over many processes is not inflated.</summary>
    public static double PssMegabytes(int pid) => Kilobytes($"/proc/{pid}/smaps_rollup", "Pss:");

    private static double Kilobytes(string file, string key)
    {
        try
        {
            var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? double.NaN
                : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return double.NaN;
        }
    }
}
