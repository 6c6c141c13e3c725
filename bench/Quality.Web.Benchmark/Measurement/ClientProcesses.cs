using Quality.Hosting;

namespace Quality.Web.Benchmark.Measurement;

/// <summary>The benchmark's own children (Playwright's driver and Chromium's processes): what holding the pages costs the client side.</summary>
public static class ClientProcesses
{
    public static (double RssMegabytes, double CpuSeconds, int Processes) Sample()
    {
        var family = ProcessTree.Family(Environment.ProcessId).Where(p => p != Environment.ProcessId).ToList();
        var rss = family.Select(ProcStat.RssMegabytes).Where(v => !double.IsNaN(v)).Sum();
        var cpu = family.Select(ProcStat.CpuSeconds).Where(v => !double.IsNaN(v)).Sum();
        return (rss, cpu, family.Count);
    }
}
