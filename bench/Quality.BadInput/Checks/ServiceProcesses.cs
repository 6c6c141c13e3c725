using Quality.Hosting;

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

        var services = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pid in ProcessTree.Family(appHostPid).Skip(1))
        {
            var name = ProcessTree.Arguments(pid).Select(Path.GetFileNameWithoutExtension)
                .FirstOrDefault(a => a?.StartsWith("Quality.", StringComparison.Ordinal) == true);
            if (name is not null && ProcessTree.StartTime(pid) is { } start)
            {
                services.Add($"{name} pid {pid} started {start}");
            }
        }

        return new ServiceProcesses(services);
    }
}
