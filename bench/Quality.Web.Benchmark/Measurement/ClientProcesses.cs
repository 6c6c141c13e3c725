using Quality.Hosting;

namespace Quality.Web.Benchmark.Measurement;

/// <summary>
/// The benchmark's own descendants (Playwright's driver and Chromium's processes): what holding the pages costs the client
/// side. Memory is PSS summed (RSS would count the libraries every renderer maps once per process); CPU is that of live
/// processes only.
/// </summary>
public static class ClientProcesses
{
    public static (double PssMegabytes, double CpuSeconds, int Processes) Sample()
    {
        var family = ProcessTree.Family(Environment.ProcessId).Where(p => p != Environment.ProcessId).ToList();
        var pss = family.Select(ProcStat.PssMegabytes).Where(v => !double.IsNaN(v)).Sum();
        var cpu = family.Select(ProcStat.CpuSeconds).Where(v => !double.IsNaN(v)).Sum();
        return (pss, cpu, family.Count);
    }
}
