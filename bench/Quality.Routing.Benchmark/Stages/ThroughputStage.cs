using Quality.Routing.Benchmark.Broker;
using Quality.Routing.Benchmark.Measurement;

namespace Quality.Routing.Benchmark.Stages;

/// <summary>
/// Opens and assigns <paramref name="count"/> cases as fast as Routing can, with agents online for all of them; their
/// customers are numbered from <paramref name="firstCustomer"/>, so no stage's complaint repeats another's.
/// </summary>
public static class ThroughputStage
{
    public static async Task<ThroughputResult> RunAsync(StageContext context, int agents, int capacity, int count, int firstCustomer, CancellationToken ct)
    {
        var waiter = new AssignmentWaiter();
        context.Events.Received = e =>
        {
            if (e.Exchange == RoutingEvents.CaseAssigned)
            {
                waiter.OnAssigned(e.CorrelationId, e.ReceivedAt);
            }
        };

        // Built beforehand so the publishing loop measures the broker and Routing, not this process.
        var complaints = Enumerable.Range(0, count).Select(i => context.Complaints.Create(firstCustomer + i, "api")).ToList();
        var started = Clock.Now;
        var (published, failed, publishSeconds) = await Burst.PublishAsync(context.Publisher, complaints,
            c => waiter.Register(c.FeedbackId, Clock.Now), (c, _) => waiter.Forget(c.FeedbackId), ct).ConfigureAwait(false);
        await context.WaitAsync(() => waiter.Waiting == 0, () => waiter.Assigned, ct).ConfigureAwait(false);
        context.Events.Received = null;

        var seconds = waiter.Assigned == 0 ? double.NaN : Clock.MillisecondsBetween(started, waiter.LastAssignedAt) / 1000;
        if (waiter.Waiting > 0)
        {
            context.Notes.Add($"Throughput: {waiter.Waiting} of {published} complaints were not assigned within {context.Options.Drain.TotalSeconds:0} s of the last assignment.");
        }

        return new ThroughputResult
        {
            Complaints = count,
            Published = published,
            FailedPublishes = failed,
            PublishSeconds = Math.Round(publishSeconds, 2),
            Assigned = waiter.Assigned,
            Seconds = Math.Round(seconds, 2),
            AssignedPerSecond = Math.Round(waiter.Assigned / seconds, 1),
            PublishToAssignedMs = waiter.Latencies.Summarize(),
            Agents = agents,
            AgentCapacity = capacity,
            LoadAverageAfter = MachineInfo.LoadAverageNow(),
        };
    }
}
