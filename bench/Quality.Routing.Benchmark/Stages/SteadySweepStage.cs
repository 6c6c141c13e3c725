using System.Collections.Concurrent;
using Quality.Routing.Benchmark.Broker;
using Quality.Routing.Benchmark.Measurement;

namespace Quality.Routing.Benchmark.Stages;

/// <summary>
/// The everyday sweep: <c>--steady-open</c> cases are opened first under a policy whose goal (6 hours) keeps their
/// timers open and not due throughout, then complaints are opened at <c>--steady-rate</c> for <c>--steady-duration</c>
/// under a policy with the <c>--sla-goal</c> first-response goal, so their timers fall due one after another among
/// the open ones. Both policies are for this run's channels only, on an always-open calendar; no agent handles the
/// category, so every case stays queued and breaches. The lateness is that of the steady cases' breaches.
/// </summary>
public static class SteadySweepStage
{
    public const string CalendarId = "routing-bench-always";
    private static readonly TimeSpan BackgroundGoal = TimeSpan.FromHours(6);

    public static async Task<SteadySweepResult> RunAsync(StageContext context, CancellationToken ct)
    {
        var options = context.Options;
        var background = $"rb-open-{context.RunId}";
        var steady = $"rb-steady-{context.RunId}";
        await context.Routing.PutAsync($"api/sla/calendars/{CalendarId}", new
        {
            name = "Routing benchmark: always open",
            timeZone = "UTC",
            hours = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString().ToLowerInvariant(), start = "00:00", end = "24:00" }),
        }, ct).ConfigureAwait(false);
        await context.Routing.PutFirstResponsePolicyAsync(Policy(background), background, BackgroundGoal, CalendarId, ct).ConfigureAwait(false);
        await context.Routing.PutFirstResponsePolicyAsync(Policy(steady), steady, options.SlaGoal, CalendarId, ct).ConfigureAwait(false);
        try
        {
            return await MeasureAsync(context, background, steady, ct).ConfigureAwait(false);
        }
        finally
        {
            await context.Routing.DeleteAsync($"api/sla/policies/{Policy(background)}", CancellationToken.None).ConfigureAwait(false);
            await context.Routing.DeleteAsync($"api/sla/policies/{Policy(steady)}", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static string Policy(string channel) => $"routing-bench-{channel}";

    private static async Task<SteadySweepResult> MeasureAsync(StageContext context, string background, string steady, CancellationToken ct)
    {
        var options = context.Options;
        var ours = new ConcurrentDictionary<Guid, bool>();
        var cases = new ConcurrentDictionary<Guid, bool>();
        var breaches = new ConcurrentQueue<Breach>();
        long openedBeforehand = 0;
        context.Events.Received = e =>
        {
            if (e.Exchange == RoutingEvents.CaseOpened && ours.TryGetValue(e.CorrelationId, out var measured) && cases.TryAdd(e.CaseId, measured) && !measured)
            {
                Interlocked.Increment(ref openedBeforehand);
            }
            else if (e.Exchange == RoutingEvents.SlaBreached && cases.TryGetValue(e.CaseId, out var isMeasured) && isMeasured)
            {
                breaches.Enqueue(new Breach(e.Time("dueAt"), e.Time("breachedAt"), e.ReceivedAtUtc));
            }
        };

        Console.WriteLine($"  opening {options.SteadyOpen:N0} cases whose timers stay open ({BackgroundGoal.TotalHours:0} h goal) …");
        var open = Enumerable.Range(0, options.SteadyOpen).Select(i => context.Complaints.Create(4_000_000 + i, background, SlaSweepStage.Category)).ToList();
        var (published, _, _) = await Burst.PublishAsync(context.Publisher, open, c => ours.TryAdd(c.FeedbackId, false), (c, _) => ours.TryRemove(c.FeedbackId, out bool _), ct)
            .ConfigureAwait(false);
        await context.WaitAsync(() => Interlocked.Read(ref openedBeforehand) >= published, () => Interlocked.Read(ref openedBeforehand), ct).ConfigureAwait(false);

        var total = (int)Math.Round(options.SteadyRate * options.SteadyDuration.TotalSeconds);
        Console.WriteLine($"  {Interlocked.Read(ref openedBeforehand):N0} open; now {options.SteadyRate:N0} cases/s for {options.SteadyDuration.TotalSeconds:0} s, each due {options.SlaGoal.TotalSeconds:0} s after opening …");
        var complaints = Enumerable.Range(0, total).Select(i => context.Complaints.Create(5_000_000 + i, steady, SlaSweepStage.Category)).ToList();
        var pending = new List<Task>(total);
        var started = Clock.Now;
        var schedule = new Schedule(options.SteadyRate);
        for (var i = 0; i < total; i++)
        {
            await schedule.WaitForAsync(i, ct).ConfigureAwait(false);
            var complaint = complaints[i];
            ours.TryAdd(complaint.FeedbackId, true);
            pending.Add(context.Publisher.PublishAsync(complaint, ct));
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
        var seconds = Clock.MillisecondsSince(started) / 1000;
        await Task.Delay(options.SlaGoal, ct).ConfigureAwait(false);
        await context.WaitAsync(() => breaches.Count >= total, () => breaches.Count, ct).ConfigureAwait(false);
        context.Events.Received = null;
        long opened = cases.Values.Count(measured => measured);

        var list = breaches.ToList();
        return new SteadySweepResult
        {
            OpenBeforehand = options.SteadyOpen,
            OpenedBeforehand = Interlocked.Read(ref openedBeforehand),
            Rate = options.SteadyRate,
            Seconds = Math.Round(seconds, 2),
            Opened = opened,
            GoalSeconds = options.SlaGoal.TotalSeconds,
            Breaches = list.Count,
            Missing = opened - list.Count,
            Lateness = BreachLateness.Of(list),
            LoadAverageAfter = MachineInfo.LoadAverageNow(),
        };
    }
}
