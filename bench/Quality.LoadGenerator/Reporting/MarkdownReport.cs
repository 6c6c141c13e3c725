using System.Globalization;
using System.Text;
using Quality.LoadGenerator.Measurement;

namespace Quality.LoadGenerator.Reporting;

/// <summary>Renders a <see cref="RunReport"/> as the Markdown page kept in docs/benchmarks/.</summary>
public static class MarkdownReport
{
    private static readonly string[] SystemProcesses = ["intake", "routing", "scoring", "notifications", "postgres", "redis", "rabbitmq"];

    public static string Render(RunReport report)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# End-to-end benchmark {report.StartedAt:yyyy-MM-dd HH:mm} UTC ({report.RunId})").AppendLine();
        foreach (var note in report.Notes)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"> {note}");
        }

        md.AppendLine().AppendLine("```bash").AppendLine(report.Command).AppendLine("```").AppendLine();
        var m = report.Machine;
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {m.Cores} cores ({m.Cpu}), {F(m.MemoryGb)} GB, {m.Os}, {m.Runtime}; load average at start {m.LoadAverage}.").AppendLine();
        md.AppendLine("Settings: " + string.Join(", ", report.Settings.Select(s => $"{s.Key} {s.Value}"))).AppendLine();

        md.AppendLine("## Raw baseline (same broker and database server, same run)").AppendLine();
        md.AppendLine("| Part | Operation | p50 ms | p90 ms | p99 ms | max ms | one at a time /s | in flight | concurrent /s |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var b in report.Baselines)
        {
            md.AppendLine(b.Error is null
                ? $"| {b.Name} | {b.Operation} | {F(b.Latency.P50)} | {F(b.Latency.P90)} | {F(b.Latency.P99)} | {F(b.Latency.Max)} | {F0(b.SequentialPerSecond)} | {b.Concurrency} | {F0(b.ConcurrentPerSecond)} |"
                : $"| {b.Name} | {b.Operation} | not measured: {b.Error} | | | | | | |");
        }

        md.AppendLine().AppendLine("## Throughput and latency per stage").AppendLine();
        md.AppendLine("| Stage | Offered items/s | Stored items/s | Failed requests | Intake → stored p50 / p90 / p99 / max ms | Intake → assigned p50 / p90 / p99 / max ms (n) | Not assigned | Stored → KPI visible p50 / p90 / p99 / max ms | Max send lag ms | Load average after |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in report.Stages)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Name} | {(s.OfferedItemsPerSecond is { } r ? F0(r) : "max")} | {F0(s.StoredItemsPerSecond)} | {s.FailedRequests} of {s.Requests} | {L(s.IntakeToStoredMs)} | {L(s.IntakeToAssignedMs)} ({s.IntakeToAssignedMs.Count}) | {s.ComplaintsNotAssigned} of {s.Complaints} | {L(s.StoredToKpiVisibleMs)} | {F0(s.MaxSendLagMs)} | {s.LoadAverageAfter} |");
        }

        Ratios(md, report);
        md.AppendLine().AppendLine("## Intake → stored by channel (ms, per request; a batch request carries several items)").AppendLine();
        md.AppendLine("| Stage | Channel | n | p50 | p90 | p99 | max |").AppendLine("|---|---|---|---|---|---|---|");
        foreach (var s in report.Stages)
        {
            foreach (var (channel, l) in s.IntakeToStoredByChannelMs)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Name} | {channel} | {l.Count} | {F(l.P50)} | {F(l.P90)} | {F(l.P99)} | {F(l.Max)} |");
            }
        }

        md.AppendLine().AppendLine("## SLA breach → webhook delivered (ms, from the deadline to the webhook's arrival)").AppendLine();
        md.AppendLine("| Stage | Breaches alerted | p50 | p90 | p99 | max | Not alerted by the end of the drain |").AppendLine("|---|---|---|---|---|---|---|");
        foreach (var s in report.Stages)
        {
            var b = s.BreachToWebhookMs;
            md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Name} | {b.Count} | {F(b.P50)} | {F(b.P90)} | {F(b.P99)} | {F(b.Max)} | {s.BreachesNotAlerted} |");
        }

        md.AppendLine().AppendLine("## CPU and memory per process (per stage)").AppendLine();
        md.AppendLine("CPU in cores (1.00 = one core busy the whole stage); peak resident set (RSS) of the largest single process, and peak proportional set (PSS, shared pages split) of all the resource's processes together; processes alive at the end.").AppendLine();
        md.AppendLine("| Stage | Resource | Processes | CPU cores | Peak RSS MB (one process) | Peak PSS MB (all) |").AppendLine("|---|---|---|---|---|---|");
        foreach (var s in report.Stages)
        {
            foreach (var p in s.Processes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Name} | {p.Name} | {p.Processes} | {p.CpuCores:0.00} | {F0(p.PeakProcessRssMb)} | {F0(p.PeakTotalPssMb)} |");
            }
        }

        Targets(md, report);
        md.AppendLine().AppendLine("## Simulated agents").AppendLine();
        md.AppendLine(string.Join(", ", report.Agents.Select(a => $"{a.Key} {a.Value}"))).AppendLine();
        md.AppendLine("Failures by reason: " + (report.Stages.SelectMany(s => s.Failures).Any()
            ? string.Join(", ", report.Stages.SelectMany(s => s.Failures.Select(f => $"{s.Name}: {f.Key} × {f.Value}")))
            : "none"));
        return md.ToString();
    }

    private static void Ratios(StringBuilder md, RunReport report)
    {
        var rabbit = report.Baselines.FirstOrDefault(b => b.Name == "rabbitmq" && b.Error is null);
        var postgres = report.Baselines.FirstOrDefault(b => b.Name == "postgres" && b.Error is null);
        if (rabbit is null && postgres is null)
        {
            return;
        }

        md.AppendLine().AppendLine("## As ratios to the raw baseline").AppendLine();
        md.AppendLine("| Stage | Intake → assigned p50 ÷ broker round trip p50 | Stored items/s ÷ concurrent single-row commits/s |").AppendLine("|---|---|---|");
        foreach (var s in report.Stages)
        {
            var latency = rabbit is null ? "" : $"{F(s.IntakeToAssignedMs.P50 / rabbit.Latency.P50)}×";
            var throughput = postgres is null ? "" : $"{F(s.StoredItemsPerSecond / postgres.ConcurrentPerSecond)}";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Name} | {latency} | {throughput} |");
        }
    }

    private static void Targets(StringBuilder md, RunReport report)
    {
        md.AppendLine().AppendLine("## Against the targets of issue 7").AppendLine();
        var best = report.Stages.MaxBy(s => s.StoredItemsPerSecond);
        md.AppendLine("| Target | Measured | |").AppendLine("|---|---|---|");
        if (best is not null)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| ≥ 1,000 items/s sustained (10 min) | {F0(best.StoredItemsPerSecond)} items/s over {F0(best.MeasuredSeconds)} s ({best.Name}) | {(best.StoredItemsPerSecond >= 1000 ? "met for this duration" : $"missed by {F0(1000 - best.StoredItemsPerSecond)} items/s")} |");
        }

        var at500 = report.Stages.FirstOrDefault(s => s.OfferedItemsPerSecond is >= 499 and <= 501);
        md.AppendLine(at500 switch
        {
            null => "| p99 intake → assigned ≤ 100 ms at 500 items/s | no 500 items/s stage in this run | |",
            { IntakeToAssignedMs.Count: 0 } => $"| p99 intake → assigned ≤ 100 ms at 500 items/s | no complaint of the stage was assigned within the drain ({at500.Complaints} complaints) | missed |",
            _ => $"| p99 intake → assigned ≤ 100 ms at 500 items/s | {F(at500.IntakeToAssignedMs.P99)} ms (stored {F0(at500.StoredItemsPerSecond)} items/s) | {(at500.IntakeToAssignedMs.P99 <= 100 ? "met" : $"missed by {F0(at500.IntakeToAssignedMs.P99 - 100)} ms")} |",
        });
        var peak = report.Stages.SelectMany(s => s.Processes.Where(p => SystemProcesses.Contains(p.Name)).Select(p => (s, p))).MaxBy(x => x.p.PeakProcessRssMb);
        if (peak.p is not null)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| no process above 500 MB at 1,000 items/s | largest: {peak.p.Name} {F0(peak.p.PeakProcessRssMb)} MB ({peak.s.Name}, stored {F0(peak.s.StoredItemsPerSecond)} items/s) | {(peak.p.PeakProcessRssMb <= 500 ? "met at the rates run" : "missed")} |");
        }
    }

    private static string L(LatencySummary l) => l.Count == 0 ? "–" : $"{F(l.P50)} / {F(l.P90)} / {F(l.P99)} / {F(l.Max)}";

    private static string F(double value) => double.IsNaN(value) || double.IsInfinity(value) ? "–" : value.ToString(value >= 100 ? "0" : "0.0#", CultureInfo.InvariantCulture);

    private static string F0(double value) => double.IsNaN(value) || double.IsInfinity(value) ? "–" : value.ToString("#,0", CultureInfo.InvariantCulture);
}
