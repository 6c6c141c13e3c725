using System.Globalization;
using System.Text;

namespace Quality.Routing.Benchmark.Reporting;

/// <summary>Renders a <see cref="RoutingReport"/> as the page kept in docs/benchmarks/ (and the table printed at the end).</summary>
public static class RoutingMarkdown
{
    public static string Render(RoutingReport report)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Routing benchmark {report.StartedAt:yyyy-MM-dd HH:mm} UTC ({report.RunId})").AppendLine();
        foreach (var note in report.Notes)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"> {note}").AppendLine();
        }

        md.AppendLine("```bash").AppendLine(report.Command).AppendLine("```").AppendLine();
        var m = report.Machine;
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {m.Cores} cores ({m.Cpu}), {F(m.MemoryGb)} GB, {m.Os}, {m.Runtime}; load average at start {m.LoadAverage}.").AppendLine();
        md.Append(Table(report));
        return md.ToString();
    }

    /// <summary>The figures against the targets of issue 4, one row per target.</summary>
    public static string Table(RoutingReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("| Target (issue 4) | Measured | Details | Load average after |").AppendLine("|---|---|---|---|");
        if (report.Throughput is { } t)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| ≥ 1,000 cases opened and assigned /s | **{F0(t.AssignedPerSecond)} /s** {Verdict(t.AssignedPerSecond >= 1000, $"missed by {F0(1000 - t.AssignedPerSecond)} /s")} | {F0(t.Assigned)} of {F0(t.Complaints)} assigned in {F(t.Seconds)} s (published in {F(t.PublishSeconds)} s, {t.FailedPublishes} failed); {t.Agents} agents × {t.AgentCapacity}; publish → assigned under saturation p50 / p99 / max {F(t.PublishToAssignedMs.P50)} / {F(t.PublishToAssignedMs.P99)} / {F(t.PublishToAssignedMs.Max)} ms | {t.LoadAverageAfter} |");
        }

        if (report.Latency is { } l)
        {
            var p = l.PublishToAssignedMs;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| p99 ComplaintRaised → CaseAssigned ≤ 50 ms at 500/s | **p99 {F(p.P99)} ms** at {F0(l.Rate)}/s {(l.Rate == 500 ? Verdict(p.P99 <= 50, $"missed by {F(p.P99 - 50)} ms") : "(not the target's rate)")} | p50 / p90 / p99 / max {F(p.P50)} / {F(p.P90)} / {F(p.P99)} / {F(p.Max)} ms over {F(l.Seconds)} s; {F0(l.Assigned)} assigned, {F0(l.NotAssigned)} not, {l.FailedPublishes} publishes failed; achieved {F0(l.AchievedRate)}/s, max send lag {F(l.MaxSendLagMs)} ms | {l.LoadAverageAfter} |");
        }

        if (report.SlaSweep is { } s)
        {
            var r = s.Lateness.RecordedMs;
            var q = s.Lateness.ReceivedMs;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| breach lateness p99 ≤ 1 s with 100,000 open timers | **p99 {F(r.P99)} ms** with {F0(s.Opened)} cases ({F0(2 * s.Opened)} timers) {(s.Missing > 0 ? $"({s.Missing} breaches missing)" : r.P99 > 1000 ? $"(missed by {F(r.P99 - 1000)} ms)" : s.Opened >= 100_000 ? "(met)" : "(met at this size; the target is 100,000)")} | recorded (breachedAt − dueAt) p50 / p99 / max {F(r.P50)} / {F(r.P99)} / {F(r.Max)} ms; received here p50 / p99 / max {F(q.P50)} / {F(q.P99)} / {F(q.Max)} ms; {F0(s.Breaches)} breaches swept in {F(s.Lateness.SweepSeconds)} s ({F0(s.Lateness.BreachesPerSecond)}/s); goal {F(s.GoalSeconds)} s after a window opening {s.WindowOpens:HH:mm} UTC; cases opened at {F0(s.OpenedPerSecond)}/s, {s.OpenedAfterWindowOpened} after the opening | {s.LoadAverageAfter} |");
        }

        if (report.SteadySweep is { } d)
        {
            var r = d.Lateness.RecordedMs;
            var q = d.Lateness.ReceivedMs;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| breach lateness p99 ≤ 1 s with 100,000 open timers | **p99 {F(r.P99)} ms** with {F0(d.OpenedBeforehand)} cases ({F0(2 * d.OpenedBeforehand)} timers) open and {F0(d.Rate)} falling due per second {(d.Missing > 0 ? $"({d.Missing} breaches missing)" : r.P99 > 1000 ? $"(missed by {F(r.P99 - 1000)} ms)" : d.OpenedBeforehand >= 100_000 ? "(met)" : "(met at this size; the target is 100,000)")} | recorded (breachedAt − dueAt) p50 / p99 / max {F(r.P50)} / {F(r.P99)} / {F(r.Max)} ms; received here p50 / p99 / max {F(q.P50)} / {F(q.P99)} / {F(q.Max)} ms; {F0(d.Breaches)} of {F0(d.Opened)} breached, opened over {F(d.Seconds)} s, each due {F(d.GoalSeconds)} s after opening | {d.LoadAverageAfter} |");
        }

        return md.ToString();
    }

    private static string Verdict(bool met, string missed) => met ? "(met)" : $"({missed})";

    private static string F(double value) => double.IsNaN(value) || double.IsInfinity(value) ? "–" : value.ToString(Math.Abs(value) >= 100 ? "#,0" : "0.0#", CultureInfo.InvariantCulture);

    private static string F0(double value) => double.IsNaN(value) || double.IsInfinity(value) ? "–" : value.ToString("#,0", CultureInfo.InvariantCulture);
}
