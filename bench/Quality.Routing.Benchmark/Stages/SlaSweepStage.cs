using System.Collections.Concurrent;
using Quality.Routing.Benchmark.Broker;
using Quality.Routing.Benchmark.Measurement;
using Quality.Routing.Benchmark.Routing;

namespace Quality.Routing.Benchmark.Stages;

/// <summary>
/// Sets up a calendar that opens a little ahead and a policy with a short first-response goal for this run's
/// channel only, through Routing's API; opens <c>--timers</c> cases on a category no agent handles, so each
/// waits in the queue with its first-response clock armed; then collects their <c>SlaBreached</c> events. Each
/// case also arms a warning timer (at 80 % of the goal), so twice as many timers are swept in all.
/// </summary>
public static class SlaSweepStage
{
    public const string CalendarId = "routing-bench-sla";
    public const string Category = "routing_bench_sla";

    public static async Task<SlaSweepResult> RunAsync(StageContext context, double? measuredOpenRate, CancellationToken ct)
    {
        var options = context.Options;
        var count = options.Timers;
        // Opening takes count ÷ rate; leave half as much again and 20 s, so every case is open before the window.
        var lead = options.SlaLead ?? TimeSpan.FromSeconds(Math.Clamp(count / (measuredOpenRate ?? 200) * 1.5 + 20, 30, 12 * 3600));
        var window = SlaWindow.Plan(DateTimeOffset.UtcNow, lead);
        var channel = $"rb-sla-{context.RunId}";
        var policyId = $"routing-bench-{context.RunId}";
        await context.Routing.PutAsync($"api/sla/calendars/{CalendarId}", new
        {
            name = "Routing benchmark: opens at a chosen minute",
            timeZone = "UTC",
            hours = window.Hours.Select(h => new { day = h.Day, start = h.Start, end = h.End }),
        }, ct).ConfigureAwait(false);
        await context.Routing.PutFirstResponsePolicyAsync(policyId, channel, options.SlaGoal, CalendarId, ct).ConfigureAwait(false);

        try
        {
            return await MeasureAsync(context, window, channel, ct).ConfigureAwait(false);
        }
        finally
        {
            // Later cases on this channel cannot exist, but a policy left behind would confuse whoever lists them.
            await context.Routing.DeleteAsync($"api/sla/policies/{policyId}", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<SlaSweepResult> MeasureAsync(StageContext context, SlaWindow window, string channel, CancellationToken ct)
    {
        var options = context.Options;
        var count = options.Timers;
        var ours = new ConcurrentDictionary<Guid, byte>();
        var cases = new ConcurrentDictionary<Guid, byte>();
        var breaches = new ConcurrentQueue<Breach>();
        long openedLate = 0, lastOpenedAt = 0;
        context.Events.Received = e =>
        {
            if (e.Exchange == RoutingEvents.CaseOpened && ours.ContainsKey(e.CorrelationId) && cases.TryAdd(e.CaseId, 0))
            {
                Interlocked.Exchange(ref lastOpenedAt, e.ReceivedAt);
                if (e.Time("openedAt") >= window.Opens)
                {
                    Interlocked.Increment(ref openedLate);
                }
            }
            else if (e.Exchange == RoutingEvents.SlaBreached && cases.ContainsKey(e.CaseId))
            {
                breaches.Enqueue(new Breach(e.Time("dueAt"), e.Time("breachedAt"), e.ReceivedAtUtc));
            }
        };

        Console.WriteLine($"  SLA window opens {window.Opens:HH:mm:ss} UTC; goal {options.SlaGoal.TotalSeconds:0} s; opening {count:N0} cases first …");
        var complaints = Enumerable.Range(0, count).Select(i => context.Complaints.Create(2_000_000 + i, channel, Category)).ToList();
        var started = Clock.Now;
        var (published, _, _) = await Burst.PublishAsync(context.Publisher, complaints, c => ours.TryAdd(c.FeedbackId, 0), (c, _) => ours.TryRemove(c.FeedbackId, out byte _), ct)
            .ConfigureAwait(false);
        await context.WaitAsync(() => cases.Count >= published, () => cases.Count, ct).ConfigureAwait(false);
        var opened = cases.Count;
        var openSeconds = Clock.MillisecondsBetween(started, Interlocked.Read(ref lastOpenedAt)) / 1000;

        var due = window.Opens + options.SlaGoal;
        Console.WriteLine($"  {opened:N0} cases open ({opened / openSeconds:N0}/s); waiting for their breaches, due {due:HH:mm:ss} UTC …");
        var untilDue = due - DateTimeOffset.UtcNow;
        if (untilDue > TimeSpan.Zero)
        {
            await Task.Delay(untilDue, ct).ConfigureAwait(false);
        }

        await context.WaitAsync(() => breaches.Count >= opened, () => breaches.Count, ct).ConfigureAwait(false);
        context.Events.Received = null;
        if (Interlocked.Read(ref openedLate) > 0)
        {
            context.Notes.Add($"SLA sweep: {openedLate} of {opened} cases opened after the window opened, so their timers fell due later than the rest; pass a longer --sla-lead.");
        }

        var list = breaches.ToList();
        return new SlaSweepResult
        {
            Cases = count,
            Published = published,
            Opened = opened,
            OpenedPerSecond = Math.Round(opened / openSeconds, 1),
            OpenedAfterWindowOpened = Interlocked.Read(ref openedLate),
            WindowOpens = window.Opens,
            GoalSeconds = options.SlaGoal.TotalSeconds,
            Breaches = list.Count,
            Missing = opened - list.Count,
            Lateness = BreachLateness.Of(list),
            LoadAverageAfter = MachineInfo.LoadAverageNow(),
        };
    }
}
