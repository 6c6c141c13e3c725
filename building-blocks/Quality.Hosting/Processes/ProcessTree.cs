using System.Globalization;

namespace Quality.Hosting;

/// <summary>
/// Reads /proc to find a process's descendants. Needed because some children leave our
/// process group (Erlang's erl_child_setup calls setsid), so a group kill misses them. The bench tools use it to find
/// the processes an AppHost started.
/// </summary>
public static class ProcessTree
{
    /// <summary>The pid and every live descendant of it.</summary>
    public static IReadOnlyList<int> Family(int pid)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var (child, parent) in ReadParents())
        {
            if (!children.TryGetValue(parent, out var list)) children[parent] = list = [];
            list.Add(child);
        }

        var result = new List<int> { pid };
        for (var i = 0; i < result.Count; i++)
        {
            if (children.TryGetValue(result[i], out var list)) result.AddRange(list);
        }
        return result;
    }

    /// <summary>The live processes whose parent is <paramref name="pid"/>.</summary>
    public static IReadOnlyList<int> Children(int pid) => [.. ReadParents().Where(p => p.Parent == pid).Select(p => p.Pid)];

    /// <summary>The process's command line, one entry per argument; empty once it is gone.</summary>
    public static IReadOnlyList<string> Arguments(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>True while the process exists and is not a zombie waiting to be reaped.</summary>
    public static bool IsAlive(int pid)
    {
        var stat = ReadStat(pid);
        return stat is not null && stat.Value.State != 'Z' && stat.Value.State != 'X';
    }

    /// <summary>The process start time in clock ticks since boot: with the pid, it names one process.</summary>
    public static long? StartTime(int pid) => ReadStat(pid)?.StartTime;

    private static IEnumerable<(int Pid, int Parent)> ReadParents()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            var stat = ReadStat(pid);
            if (stat is not null) yield return (pid, stat.Value.Parent);
        }
    }

    private static (char State, int Parent, long StartTime)? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The command name is in parentheses and may itself contain spaces or ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (fields[0][0],
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[19], CultureInfo.InvariantCulture));
    }
}
