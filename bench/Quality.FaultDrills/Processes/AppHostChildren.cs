using System.Globalization;
using Quality.LoadGenerator.Measurement;

namespace Quality.FaultDrills.Processes;

/// <summary>
/// Finds a part's process among the AppHost's children through /proc, named as the load generator names them
/// (<see cref="ProcessNames"/>: routing, intake, rabbitmq, postgres, redis…), and kills it and everything it started.
/// </summary>
public static class AppHostChildren
{
    public static PartProcess? Find(int appHost, string part)
    {
        foreach (var pid in ChildrenOf(appHost))
        {
            var line = CommandLine(pid);
            if (ProcessNames.Classify(line) == part)
            {
                return new PartProcess(pid, line);
            }
        }

        return null;
    }

    /// <summary>SIGKILL to the process and its descendants at once: a crash, no chance to clean up.</summary>
    public static void Kill(PartProcess process)
    {
        try
        {
            using var target = System.Diagnostics.Process.GetProcessById(process.Pid);
            target.Kill(entireProcessTree: true); // SIGKILL on Linux
        }
        catch (ArgumentException)
        {
            throw new RunException($"process {process.Pid} ({process.CommandLine}) is gone before the drill killed it");
        }
    }

    private static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // ended while we looked
            }

            // After "pid (comm) ": state, ppid.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 1 && int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ppid) && ppid == parent)
            {
                yield return pid;
            }
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
