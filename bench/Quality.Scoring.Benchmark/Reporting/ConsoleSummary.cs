using System.Globalization;
using Spectre.Console;

namespace Quality.Scoring.Benchmark.Reporting;

/// <summary>The headline figures as a table on the console, each beside its target.</summary>
public static class ConsoleSummary
{
    public static void Print(BenchmarkReport report)
    {
        var table = new Table().AddColumns("Figure", "Measured", "Target");
        foreach (var f in report.Folding)
        {
            table.AddRow(
                Markup.Escape($"folded/s (rate {f.Rate}, {f.Events:N0} events)"),
                Markup.Escape(f.Complete ? F($"{f.FoldedPerSecond:N0}/s; drain {f.DrainSeconds:0.0} s; peak depth {f.PeakQueueDepth:N0}") : "incomplete: " + f.Mismatches.Count + " teams short"),
                F($"≥ {Targets.FoldedPerSecond:N0}/s"));
        }

        if (report.Transport is { } t)
        {
            table.AddRow(
                Markup.Escape($"transport ceiling: consumed/s, nothing folded ({t.Events:N0} events)"),
                Markup.Escape(t.Complete ? F($"{t.ConsumedPerSecond:N0}/s (published {t.PublishedPerSecond:N0}/s)") : "incomplete"),
                "-");
        }

        if (report.Queries is { } q)
        {
            foreach (var r in q.Rows)
            {
                table.AddRow(
                    Markup.Escape($"GetKpis {r.Group}"),
                    Markup.Escape(F($"p50 {r.Latency.P50:0.00} p90 {r.Latency.P90:0.00} p99 {r.Latency.P99:0.00} max {r.Latency.Max:0.00} ms; redis {r.Redis:N0} pg {r.Postgres:N0} degraded {r.Degraded} errors {r.Errors}")),
                    r.Group.EndsWith("last_hour", StringComparison.Ordinal) ? F($"p99 ≤ {Targets.RedisQueryP99Milliseconds} ms") : "-");
            }
        }

        if (report.Feed is { } feed)
        {
            table.AddRow("feed change latency", Markup.Escape(F($"p50 {feed.ChangeLatency.P50:0.0} p99 {feed.ChangeLatency.P99:0.0} max {feed.ChangeLatency.Max:0.0} ms; missed {feed.Missed}")), F($"p99 ≤ {Targets.FeedChangeP99Milliseconds} ms"));
            table.AddRow("feed streams held", Markup.Escape(F($"{feed.StillConnected:N0} of {feed.Subscribers:N0}; Scoring RSS {feed.ScoringMbBefore} → {feed.ScoringMbSubscribed} → {feed.ScoringMbAfter} MB")), F($"{Targets.FeedSubscribers:N0}"));
        }

        AnsiConsole.Write(table);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
