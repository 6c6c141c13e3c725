using System.Globalization;
using Quality.Hosting;

namespace Quality.Web.Benchmark.Measurement;

/// <summary>
/// A service's process, found among the AppHost's descendants (<c>apphost.pid</c> in its data directory) by its
/// command line: its CPU time and resident memory from /proc, and the TCP connections established to its port (for the
/// dashboard: each open page holds one, its Blazor circuit's WebSocket).
/// </summary>
public sealed class ServiceProcess(int pid, int port)
{
    public int Pid { get; } = pid;

    /// <param name="assembly">The service's assembly, e.g. <c>Quality.Web.dll</c>.</param>
    /// <param name="url">The service's HTTP address, whose port the connections are counted on.</param>
    public static ServiceProcess? Find(string? dataDirectory, string assembly, Uri url, out string? problem)
    {
        problem = null;
        var pidFile = dataDirectory is null ? null : Path.Combine(dataDirectory, "apphost.pid");
        if (!OperatingSystem.IsLinux() || pidFile is null || !File.Exists(pidFile)
            || !int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var appHost))
        {
            problem = $"no running AppHost found through {pidFile ?? "--data-dir"}: {assembly}'s CPU, memory and connections are not measured";
            return null;
        }

        var service = ProcessTree.Family(appHost).FirstOrDefault(p => ProcessTree.Arguments(p).Any(a => a.EndsWith(assembly, StringComparison.Ordinal)));
        if (service == 0)
        {
            problem = $"the AppHost {appHost} runs no {assembly}: it is not measured";
            return null;
        }

        return new ServiceProcess(service, url.Port);
    }

    public double CpuSeconds() => ProcStat.CpuSeconds(Pid);

    public double RssMegabytes() => ProcStat.RssMegabytes(Pid);

    /// <summary>Established TCP connections whose local port is the dashboard's (IPv4 and IPv6).</summary>
    public int Connections() => Count("/proc/net/tcp") + Count("/proc/net/tcp6");

    private int Count(string table)
    {
        if (!File.Exists(table))
        {
            return 0;
        }

        var local = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        // Columns: sl local_address rem_address st …; state 01 is ESTABLISHED.
        return File.ReadLines(table).Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Count(f => f.Length > 3 && f[1].EndsWith(local, StringComparison.Ordinal) && f[3] == "01");
    }
}
