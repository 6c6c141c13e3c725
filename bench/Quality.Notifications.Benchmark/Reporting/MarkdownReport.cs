using System.Globalization;
using System.Text;

namespace Quality.Notifications.Benchmark.Reporting;

/// <summary>The results as Markdown: the summary table is also what the console shows.</summary>
public static class MarkdownReport
{
    public static string SummaryTable(IReadOnlyList<StageResult> stages)
    {
        var text = new StringBuilder();
        text.AppendLine("| Stage | Receivers | Events/s (target → published) | Alerts/s delivered (healthy) | p50 ms | p90 ms | p99 ms | max ms | Expected | Received | Lost | Duplicates | Dead receiver: requests · pending · dead-lettered · failed attempts |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in stages)
        {
            var f = s.Figures;
            var receivers = $"{s.HealthyReceivers} healthy" + (s.DeadReceiver ? " + 1 dead" : "") + (s.FailingReceiver ? " + 1 failing (500)" : "");
            var dead = s.DeadReceiver ? DeadColumn(s) : "—";
            text.AppendLine(Invariant($"| {s.Name} | {receivers} | {(s.TargetRate is { } r ? r.ToString("0.#", CultureInfo.InvariantCulture) : "max")} → {s.PublishRate:0.#} | {f.DeliveriesPerSecond:0.#} | {f.Latency.P50:0} | {f.Latency.P90:0} | {f.Latency.P99:0} | {f.Latency.Max:0} | {f.Expected} | {f.Received} | {f.Lost} | {s.Duplicates} | {dead} |"));
        }

        return text.ToString();
    }

    public static string Render(RunReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"# Notifications webhook fan-out benchmark, {report.StartedAt:yyyy-MM-dd HH:mm} UTC"));
        text.AppendLine();
        if (report.Preliminary is { } preliminary)
        {
            text.AppendLine($"> **{preliminary}**");
            text.AppendLine();
        }

        text.AppendLine($"Command: `{report.CommandLine}`");
        text.AppendLine();
        var m = report.Machine;
        text.AppendLine(Invariant($"Machine: {m.Cpu}, {m.Cores} cores, {m.MemoryGb} GB, {m.Os}, {m.Runtime}; load average at start {m.LoadAverage}."));
        text.AppendLine();
        text.AppendLine($"Triggering event: `{report.Event}` published to RabbitMQ as a MassTransit envelope (persistent, confirmed). Latency runs from "
            + "just before the publish to the webhook request's arrival at a receiver, both on this process's monotonic clock. Rules, so the run "
            + "measures delivery and not suppression:");
        text.AppendLine();
        foreach (var setting in report.RuleSettings)
        {
            text.AppendLine($"- {setting}");
        }

        text.AppendLine();
        text.Append(SummaryTable(report.Stages));
        text.AppendLine();
        text.AppendLine("Alerts/s delivered: first deliveries to the healthy receivers that arrived during the measured window, per second of it. "
            + "Latency: events published in the measured window (not warm-up). Expected, received, lost: every event of the stage (warm-up included) × "
            + "healthy receivers. Duplicates: a second request for the same event at the same receiver.");
        text.AppendLine();
        foreach (var s in report.Stages)
        {
            text.AppendLine($"## Stage {s.Name}");
            text.AppendLine();
            text.AppendLine(Invariant($"- Published {s.Published} events ({s.PublishedMeasured} measured), {s.PublishRefused} refused by the broker; publisher at most {s.PublisherMaxLagMs:0} ms behind schedule."));
            text.AppendLine(Invariant($"- {(s.Drained ? "Every delivery arrived" : "Drain time ran out with deliveries missing")}; the last arrived {s.Figures.LastArrivalSeconds:0.0} s after the window ended."));
            text.AppendLine($"- Signatures rejected: {s.BadSignatures}; unreadable bodies: {s.Unreadable}.");
            text.AppendLine($"- p99 ms by second of publishing: {string.Join(", ", s.Figures.P99BySecond.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))}");
            if (s.DeadReceiver)
            {
                text.AppendLine($"- Requests that reached the dead receiver: {s.DeadRequests}" + (s.FailingReceiver ? $"; the failing receiver: {s.FailingRequests}" : "") + ".");
            }

            text.AppendLine($"- Load average after the stage: {s.LoadAverageAfter}.");
            text.AppendLine();
            if (s.Outcomes is { } outcomes)
            {
                text.AppendLine("The service's record when the stage ended (notificationsdb, read-only):");
                text.AppendLine();
                text.AppendLine("| Receiver | Deliveries | Delivered | Pending | Dead-lettered | Attempts | Failed attempts |");
                text.AppendLine("|---|---|---|---|---|---|---|");
                foreach (var o in outcomes.OrderBy(o => o.Receiver, StringComparer.Ordinal))
                {
                    text.AppendLine($"| {o.Receiver} | {o.Deliveries} | {o.Delivered} | {o.Pending} | {o.Dead} | {o.Attempts} | {o.FailedAttempts} |");
                }

                text.AppendLine();
            }
            else if (s.OutcomesNote is { } outcomesNote)
            {
                text.AppendLine($"Service's record: {outcomesNote}.");
                text.AppendLine();
            }
        }

        if (report.Notes.Count > 0)
        {
            text.AppendLine("## Notes");
            text.AppendLine();
            foreach (var note in report.Notes)
            {
                text.AppendLine($"- {note}");
            }
        }

        return text.ToString();
    }

    private static string DeadColumn(StageResult s)
    {
        var dead = s.Outcomes?.FirstOrDefault(o => o.Receiver == "dead");
        return dead is null
            ? $"{s.DeadRequests} · n/m · n/m · n/m"
            : $"{s.DeadRequests} · {dead.Pending} · {dead.Dead} · {dead.FailedAttempts}";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
