using Quality.Hosting;
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
        foreach (var pid in ProcessTree.Children(appHost))
        {
            var line = string.Join(' ', ProcessTree.Arguments(pid));
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
}
