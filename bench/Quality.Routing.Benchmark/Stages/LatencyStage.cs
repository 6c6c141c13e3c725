using Quality.Routing.Benchmark.Broker;
using Quality.Routing.Benchmark.Measurement;

namespace Quality.Routing.Benchmark.Stages;

/// <summary>Publishes complaints on a fixed schedule (<c>--rate</c> for <c>--duration</c>) and times each to its assignment.</summary>
public static class LatencyStage
{
    public static async Task<LatencyResult> RunAsync(StageContext context, CancellationToken ct)
    {
        var options = context.Options;
        var total = (int)Math.Round(options.Rate * options.Duration.TotalSeconds);
        var waiter = new AssignmentWaiter();
        context.Events.Received = e =>
        {
            if (e.Exchange == RoutingEvents.CaseAssigned)
            {
                waiter.OnAssigned(e.CorrelationId, e.ReceivedAt);
            }
        };

        var complaints = Enumerable.Range(0, total).Select(i => context.Complaints.Create(1_000_000 + i, "api")).ToList();
        long published = 0, failed = 0;
        var maxLag = 0.0;
        var pending = new List<Task>(total);
        var started = Clock.Now;
        var schedule = new Schedule(options.Rate);
        for (var i = 0; i < total; i++)
        {
            var scheduled = await schedule.WaitForAsync(i, ct).ConfigureAwait(false);
            maxLag = Math.Max(maxLag, Clock.MillisecondsSince(scheduled));
            var complaint = complaints[i];
            waiter.Register(complaint.FeedbackId, scheduled);
            pending.Add(PublishAsync(complaint));
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
        var seconds = Clock.MillisecondsSince(started) / 1000;
        await context.WaitAsync(() => waiter.Waiting == 0, () => waiter.Assigned, ct).ConfigureAwait(false);
        context.Events.Received = null;

        return new LatencyResult
        {
            Rate = options.Rate,
            Seconds = Math.Round(seconds, 2),
            Published = published,
            FailedPublishes = failed,
            AchievedRate = Math.Round(published / seconds, 1),
            MaxSendLagMs = Math.Round(maxLag, 1),
            Assigned = waiter.Assigned,
            NotAssigned = published - waiter.Assigned,
            PublishToAssignedMs = waiter.Latencies.Summarize(),
            LoadAverageAfter = MachineInfo.LoadAverageNow(),
        };

        async Task PublishAsync(Quality.Contracts.Intake.ComplaintRaised complaint)
        {
            try
            {
                await context.Publisher.PublishAsync(complaint, ct).ConfigureAwait(false);
                Interlocked.Increment(ref published);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                Interlocked.Increment(ref failed);
                waiter.Forget(complaint.FeedbackId);
            }
        }
    }
}
