using System.Globalization;

namespace Quality.BadInput.Checks;

/// <summary>
/// The service processes under an AppHost, each as pid and start time: a service that crashed and was restarted by
/// the AppHost shows as a different set. Read from /proc, so Linux only (elsewhere the check is skipped, and says so).
/// </summary>
public sealed record ServiceProcesses(IReadOnlySet<string> Processes)
{
    public static ServiceProcesses? Read(int appHostPid)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var parents = new Dictionary<int, (int Parent, string Start)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // The command name (field 2) may hold spaces and parentheses: the fields after it start past the last ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = (int.Parse(fields[1], CultureInfo.InvariantCulture), fields[19]);
            }
            catch (IOException)
            {
                // Gone while we looked.
            }
        }

        var services = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (pid, (_, start)) in parents)
        {
            if (Descends(pid, appHostPid, parents) && IsService(pid))
            {
                services.Add($"{Name(pid)} pid {pid} started {start}");
            }
        }

        return new ServiceProcesses(services);
    }

    private static bool Descends(int pid, int ancestor, Dictionary<int, (int Parent, string Start)> parents)
    {
        for (var current = pid; parents.TryGetValue(current, out var entry) && current > 1; current = entry.Parent)
        {
            if (entry.Parent == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsService(int pid) => Name(pid).StartsWith("Quality.", StringComparison.Ordinal);

    private static string Name(int pid)
    {
        try
        {
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            return arguments.Select(Path.GetFileNameWithoutExtension).FirstOrDefault(a => a?.StartsWith("Quality.", StringComparison.Ordinal) == true) ?? "";
        }
        catch (IOException)
        {
            return "";
        }
    }
}
