using System.Globalization;

namespace Quality.Scoring.Benchmark.Connections;

/// <summary>
/// The Scoring process of the system under test, found in /proc: a descendant of the AppHost (its pid is in
/// <c>apphost.pid</c> in the data directory) running <c>Quality.Scoring.dll</c>, or else a process running the
/// Scoring build of this repository (never another checkout's, on a machine several people share).
/// </summary>
public sealed class ScoringProcess(int pid)
{
    public int Pid { get; } = pid;

    public static ScoringProcess? Find(string? dataDirectory, string repositoryRoot)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) && ParentOf(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var scoring = parents.Keys.Where(p => CommandLine(p).Contains("Quality.Scoring.dll", StringComparison.Ordinal)).ToList();
        if (AppHost(dataDirectory) is { } appHost && scoring.FirstOrDefault(p => Descends(p, appHost, parents)) is var child and > 0)
        {
            return new ScoringProcess(child);
        }

        var own = Path.Combine(repositoryRoot, "services", "Quality.Scoring");
        return scoring.FirstOrDefault(p => CommandLine(p).Contains(own, StringComparison.Ordinal)) is var mine and > 0 ? new ScoringProcess(mine) : null;
    }

    /// <summary>Resident memory in MB (VmRSS), or null once the process has gone.</summary>
    public double? ResidentMb()
    {
        try
        {
            var line = File.ReadLines($"/proc/{Pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : Math.Round(double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024, 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static int? AppHost(string? dataDirectory)
    {
        var file = dataDirectory is null ? null : Path.Combine(dataDirectory, "apphost.pid");
        return file is not null && File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
            ? pid
            : null;
    }

    private static bool Descends(int pid, int ancestor, Dictionary<int, int> parents)
    {
        for (var p = pid; parents.TryGetValue(p, out var parent) && parent > 1; p = parent)
        {
            if (parent == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // After "pid (comm) ": state, then ppid.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
