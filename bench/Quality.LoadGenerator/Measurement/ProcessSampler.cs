using System.Globalization;

namespace Quality.LoadGenerator.Measurement;

/// <summary>
/// Samples CPU time and memory (RSS per process, PSS summed per resource) of the AppHost's process tree (its pid is in <c>apphost.pid</c> in the
/// data directory) once a second from /proc, grouped by resource (every descendant of a child the AppHost
/// started belongs to that child's resource), plus this generator itself.
/// </summary>
public sealed class ProcessSampler : IAsyncDisposable
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on every Linux the project supports
    private readonly int _appHost;
    private readonly Dictionary<int, (string Group, long Ticks)> _seen = [];
    private readonly Dictionary<string, (double Process, double Total)> _peaks = [];
    private readonly Dictionary<string, int> _alive = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    private ProcessSampler(int appHost) => _appHost = appHost;

    /// <summary>A sampler for the AppHost using <paramref name="dataDirectory"/>, or null (with the reason) when there is none.</summary>
    public static ProcessSampler? For(string? dataDirectory, out string? problem)
    {
        problem = null;
        if (!OperatingSystem.IsLinux())
        {
            problem = "process statistics need Linux /proc";
            return null;
        }

        var pidFile = dataDirectory is null ? null : Path.Combine(dataDirectory, "apphost.pid");
        if (pidFile is null || !File.Exists(pidFile)
            || !int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
            || !Directory.Exists($"/proc/{pid}"))
        {
            problem = $"no running AppHost found through {pidFile ?? "--data-dir"}: CPU and memory per process are not measured";
            return null;
        }

        return new ProcessSampler(pid);
    }

    public void Start()
    {
        Sample();
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                Sample();
            }
        });
    }

    /// <summary>CPU ticks per group so far; peaks start again from here.</summary>
    public Dictionary<string, long> Checkpoint()
    {
        Sample();
        lock (_gate)
        {
            _peaks.Clear();
            return Totals();
        }
    }

    public IReadOnlyList<ProcessUsage> Since(Dictionary<string, long> checkpoint, double seconds)
    {
        Sample();
        lock (_gate)
        {
            var totals = Totals();
            return [.. totals.Keys.Order(StringComparer.Ordinal).Select(group =>
            {
                var ticks = totals[group] - checkpoint.GetValueOrDefault(group);
                var peak = _peaks.GetValueOrDefault(group);
                var processes = _alive.GetValueOrDefault(group);
                return new ProcessUsage(group, processes, Math.Round(ticks / TicksPerSecond / Math.Max(seconds, 0.001), 3),
                    Math.Round(peak.Process, 1), Math.Round(peak.Total, 1));
            })];
        }
    }

    private Dictionary<string, long> Totals()
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (group, ticks) in _seen.Values)
        {
            totals[group] = totals.GetValueOrDefault(group) + ticks;
        }

        return totals;
    }

    private void Sample()
    {
        var stats = ReadAll();
        var children = new Dictionary<int, List<int>>();
        foreach (var (pid, stat) in stats)
        {
            if (!children.TryGetValue(stat.Parent, out var list))
            {
                children[stat.Parent] = list = [];
            }

            list.Add(pid);
        }

        var groups = new Dictionary<int, string> { [_appHost] = "apphost", [Environment.ProcessId] = "loadgenerator" };
        foreach (var child in children.GetValueOrDefault(_appHost) ?? [])
        {
            var family = Family(child, children);
            var name = family.Select(p => ProcessNames.Classify(CommandLine(p))).FirstOrDefault(n => n is not null)
                ?? $"other:{(stats.TryGetValue(child, out var s) ? s.Name : child.ToString(CultureInfo.InvariantCulture))}";
            foreach (var member in family)
            {
                groups[member] = name;
            }
        }

        lock (_gate)
        {
            var rssTotals = new Dictionary<string, double>(StringComparer.Ordinal);
            _alive.Clear();
            foreach (var (pid, group) in groups)
            {
                if (!stats.TryGetValue(pid, out var stat))
                {
                    continue;
                }

                _seen[pid] = (group, Math.Max(stat.Ticks, _seen.GetValueOrDefault(pid).Ticks));
                var rss = stat.RssPages * Environment.SystemPageSize / 1024.0 / 1024.0;
                // Summed as PSS: shared pages (PostgreSQL's shared buffers) are split between processes, not counted in each.
                rssTotals[group] = rssTotals.GetValueOrDefault(group) + (ProportionalMb(pid) ?? rss);
                _alive[group] = _alive.GetValueOrDefault(group) + 1;
                var peak = _peaks.GetValueOrDefault(group);
                _peaks[group] = (Math.Max(peak.Process, rss), peak.Total);
            }

            foreach (var (group, total) in rssTotals)
            {
                var peak = _peaks[group];
                _peaks[group] = (peak.Process, Math.Max(peak.Total, total));
            }
        }
    }

    private static List<int> Family(int root, Dictionary<int, List<int>> children)
    {
        var family = new List<int> { root };
        for (var i = 0; i < family.Count; i++)
        {
            family.AddRange(children.GetValueOrDefault(family[i]) ?? []);
        }

        return family;
    }

    private static double? ProportionalMb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
            {
                if (line.StartsWith("Pss:", StringComparison.Ordinal))
                {
                    return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }

        return null;
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

    private static Dictionary<int, (string Name, int Parent, long Ticks, long RssPages)> ReadAll()
    {
        var result = new Dictionary<int, (string, int, long, long)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var text = File.ReadAllText(Path.Combine(directory, "stat"));
                var open = text.IndexOf('(', StringComparison.Ordinal);
                var close = text.LastIndexOf(')');
                var fields = text[(close + 2)..].Split(' ');
                // After "pid (comm) ": state=0, ppid=1, utime=11, stime=12, rss=21 (pages).
                result[pid] = (text[(open + 1)..close], int.Parse(fields[1], CultureInfo.InvariantCulture),
                    long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture),
                    long.Parse(fields[21], CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process ended while we read it.
            }
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
    }
}
