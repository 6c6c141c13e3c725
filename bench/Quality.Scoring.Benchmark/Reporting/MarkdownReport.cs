using System.Globalization;
using System.Text;

namespace Quality.Scoring.Benchmark.Reporting;

/// <summary>The .md result file: the figures, against issue 5's targets, with how each was measured.</summary>
public static class MarkdownReport
{
    public static string Render(BenchmarkReport report)
    {
        var md = new StringBuilder();
        var m = report.Machine;
        md.AppendLine(Invariant($"# Scoring benchmark, {report.StartedAt:yyyy-MM-dd HH:mm} UTC"));
        md.AppendLine();
        if (report.Preliminary is { } preliminary)
        {
            md.AppendLine($"> **{preliminary}**");
            md.AppendLine();
        }

        md.AppendLine($"- Command: `{report.CommandLine}`");
        md.AppendLine(Invariant($"- Machine: {m.Host}, {m.Cores} cores ({m.Cpu}), {m.MemoryGb} GB, {m.Os}, {m.Runtime}"));
        md.AppendLine($"- Load average at start: {m.LoadAverage}");
        md.AppendLine($"- Run id (prefix of the teams and agents it used): `{report.RunId}`");
        md.AppendLine();

        if (report.Folding.Count > 0)
        {
            md.AppendLine("## Folding: events into live KPIs");
            md.AppendLine();
            md.AppendLine("| Rate | Events | Cases | Published/s | Publish s | All folded s | **Folded/s** | Drain after publish s | Queues empty s | Peak queue depth | Complete | Load after |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
            foreach (var f in report.Folding)
            {
                md.AppendLine(Invariant($"| {f.Rate} | {f.Events:N0} | {f.Cases:N0} | {f.PublishedPerSecond:N0} | {f.PublishSeconds:0.0} | {f.FoldedSeconds:0.0} | **{f.FoldedPerSecond:N0}** | {f.DrainSeconds:0.0} | {f.QueuesEmptySeconds:0.0} | {f.PeakQueueDepth:N0} | {(f.Complete ? "yes" : "**no**")} | {f.LoadAfter} |"));
            }

            md.AppendLine();
            var best = report.Folding.Where(f => f.Complete).Select(f => f.FoldedPerSecond).DefaultIfEmpty(double.NaN).Max();
            md.AppendLine(Invariant($"Target ≥ {Targets.FoldedPerSecond:N0} events/s folded: **{Targets.Verdict(best >= Targets.FoldedPerSecond)}** (best {best:N0}/s)."));
            md.AppendLine();
            md.AppendLine("Events per stage: " + string.Join(", ", report.Folding[0].EventsByType.Select(e => Invariant($"{e.Key} {e.Value:N0}"))) + " (first stage).");
            foreach (var f in report.Folding.Where(f => !f.Complete))
            {
                md.AppendLine();
                md.AppendLine($"Stage at rate {f.Rate} did not complete; teams still short:");
                md.AppendLine();
                foreach (var mismatch in f.Mismatches)
                {
                    md.AppendLine($"- {mismatch}");
                }
            }

            md.AppendLine();
        }

        if (report.Transport is { } t)
        {
            md.AppendLine("## Transport alone: the same traffic to consumers that only count");
            md.AppendLine();
            md.AppendLine("| Events | Published/s | Publish s | All consumed s | **Consumed/s** | Complete | Load after |");
            md.AppendLine("|---:|---:|---:|---:|---:|---|---|");
            md.AppendLine(Invariant($"| {t.Events:N0} | {t.PublishedPerSecond:N0} | {t.PublishSeconds:0.0} | {t.ConsumedSeconds:0.0} | **{t.ConsumedPerSecond:N0}** | {(t.Complete ? "yes" : "**no**")} | {t.LoadAfter} |"));
            md.AppendLine();
        }

        if (report.Queries is { } q)
        {
            md.AppendLine(Invariant($"## KPI queries: {q.Clients} concurrent clients, {q.Seconds:0.#} s, {q.Queries:N0} queries ({q.QueriesPerSecond:N0}/s)"));
            md.AppendLine();
            md.AppendLine("| Transport, period | Queries | p50 ms | p90 ms | p99 ms | max ms | from Redis | from PostgreSQL | degraded | errors |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in q.Rows)
            {
                var l = r.Latency;
                md.AppendLine(Invariant($"| {r.Group} | {l.Count:N0} | {l.P50:0.00} | {l.P90:0.00} | {l.P99:0.00} | {l.Max:0.00} | {r.Redis:N0} | {r.Postgres:N0} | {r.Degraded:N0} | {r.Errors:N0} |"));
            }

            md.AppendLine();
            var redisRows = q.Rows.Where(r => r.Group.EndsWith("last_hour", StringComparison.Ordinal)).ToList();
            var worst = redisRows.Select(r => r.Latency.P99).DefaultIfEmpty(double.NaN).Max();
            var allRedis = redisRows.All(r => r.Postgres == 0 && r.Degraded == 0);
            md.AppendLine(Invariant($"Target p99 ≤ {Targets.RedisQueryP99Milliseconds} ms from Redis (last_hour, gRPC and HTTP): **{Targets.Verdict(worst <= Targets.RedisQueryP99Milliseconds && allRedis)}** (worst p99 {worst:0.00} ms; every last_hour answer from Redis: {(allRedis ? "yes" : "no")}). `day` answers come from PostgreSQL by design, shown for comparison."));
            foreach (var r in q.Rows.Where(r => r.LastError is not null))
            {
                md.AppendLine($"- last error ({r.Group}): {r.LastError}");
            }

            md.AppendLine();
        }

        if (report.Feed is { } f2)
        {
            md.AppendLine(Invariant($"## Live feed: {f2.Subscribers:N0} WatchKpis streams on one replica, {f2.Rounds} changes"));
            md.AppendLine();
            md.AppendLine("| Figure | Value |");
            md.AppendLine("|---|---|");
            md.AppendLine(Invariant($"| Streams open (snapshot received) | {f2.Connected:N0} of {f2.Subscribers:N0} |"));
            md.AppendLine(Invariant($"| Open → snapshot p50 / p99 / max ms | {f2.Connect.P50:0.0} / {f2.Connect.P99:0.0} / {f2.Connect.Max:0.0} |"));
            md.AppendLine(Invariant($"| Change publish → seen, p50 / p90 / p99 / max ms | {f2.ChangeLatency.P50:0.0} / {f2.ChangeLatency.P90:0.0} / {f2.ChangeLatency.P99:0.0} / {f2.ChangeLatency.Max:0.0} |"));
            md.AppendLine(Invariant($"| Deliveries seen / expected (missed within 5 s) | {f2.ChangeLatency.Count:N0} / {f2.Expected:N0} ({f2.Missed:N0}) |"));
            md.AppendLine(Invariant($"| Streams still open after the changes | {f2.StillConnected:N0} |"));
            md.AppendLine(Invariant($"| Scoring RSS before / with streams / after changes MB | {Mb(f2.ScoringMbBefore)} / {Mb(f2.ScoringMbSubscribed)} / {Mb(f2.ScoringMbAfter)} (pid {(f2.ScoringPid?.ToString(CultureInfo.InvariantCulture) ?? "not found")}) |"));
            md.AppendLine($"| Load after | {f2.LoadAfter} |");
            md.AppendLine();
            foreach (var error in f2.ConnectErrors)
            {
                md.AppendLine($"- streams ended: {error}");
            }

            md.AppendLine(Invariant($"Target change p99 ≤ {Targets.FeedChangeP99Milliseconds} ms: **{Targets.Verdict(f2.ChangeLatency.P99 <= Targets.FeedChangeP99Milliseconds && f2.Missed == 0)}**; ") +
                Invariant($"{Targets.FeedSubscribers:N0} subscribers held: **") + (f2.Subscribers < Targets.FeedSubscribers
                    ? Invariant($"not measured** (only {f2.Subscribers:N0} were asked for; {f2.StillConnected:N0} of them held).")
                    : Invariant($"{Targets.Verdict(f2.StillConnected >= Targets.FeedSubscribers)}** ({f2.StillConnected:N0} held).")));
            md.AppendLine();
        }

        md.AppendLine("## How it was measured");
        md.AppendLine();
        foreach (var note in report.Notes)
        {
            md.AppendLine($"- {note}");
        }

        return md.ToString();
    }

    private static string Mb(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
