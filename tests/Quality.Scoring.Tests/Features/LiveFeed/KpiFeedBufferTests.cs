using Microsoft.Extensions.Logging.Abstractions;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Features.LiveFeed;
using Quality.Scoring.Features.LiveKpis;
using Quality.Testing;

namespace Quality.Scoring.Tests.Features.LiveFeed;

/// <summary>The feed's buffers without servers: a slow subscriber holds at most one value per KPI, the latest.</summary>
public sealed class KpiFeedBufferTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;
    private static readonly KpiPeriod Period = new(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), "last_hour");

    [Fact]
    public async Task A_subscriber_that_does_not_read_holds_one_value_per_kpi_and_then_gets_the_latest()
    {
        using var subscription = new KpiFeedSubscription(KpiScope.Organisation, _ => { });
        subscription.Offer(Update(snapshot: true, backlog: 0, csat: 50));
        for (var i = 1; i <= 10_000; i++)
        {
            subscription.Offer(Update(snapshot: false, backlog: i, csat: i % 100));
        }

        Assert.Equal(KpiDefinitions.All.Count, subscription.Pending);
        Assert.True(subscription.Conflated >= 10_000 * 2);

        var update = await subscription.TakeAsync(Cancellation);
        // The snapshot it had not read is still owed (every KPI), with the latest values merged in.
        Assert.True(update.Snapshot);
        Assert.Equal(KpiDefinitions.All.Select(d => d.Name), update.Kpis.Select(k => k.Definition.Name));
        Assert.Equal(10_000, update.Kpis.Single(k => k.Definition == KpiDefinitions.Backlog).Value);
        Assert.Equal(0, update.Kpis.Single(k => k.Definition == KpiDefinitions.CsatPercent).Value);
        Assert.Equal(0, subscription.Pending);

        subscription.Offer(Update(snapshot: false, backlog: 7, csat: 1, only: [KpiDefinitions.Backlog]));
        var change = await subscription.TakeAsync(Cancellation);
        Assert.False(change.Snapshot);
        Assert.Equal([(KpiDefinitions.Backlog.Name, (double?)7)], change.Kpis.Select(k => (k.Definition.Name, k.Value)));
    }

    [Fact]
    public async Task A_topic_sends_a_snapshot_then_only_changes_and_a_stuck_subscriber_does_not_slow_or_grow()
    {
        var backlog = 0;
        Task<KpiAnswer> Read(KpiScope scope, KpiPeriod period, DateTimeOffset now, CancellationToken ct) =>
            Task.FromResult(new KpiAnswer(scope, period, Results(Volatile.Read(ref backlog), 80), FromRedis: true, Degraded: false));
        await using var topic = new KpiFeedTopic(KpiScope.Team("t"), LiveWindow.LastHour, Read, TimeProvider.System, TimeSpan.FromMinutes(10), NullLogger.Instance);
        using var reader = new KpiFeedSubscription(topic.Scope, _ => { });
        using var stuck = new KpiFeedSubscription(topic.Scope, _ => { });
        topic.Add(reader);
        topic.Add(stuck);

        var snapshot = await reader.TakeAsync(Cancellation);
        Assert.True(snapshot.Snapshot);
        Assert.Equal(KpiDefinitions.All.Count, snapshot.Kpis.Count);

        // A thousand changes, read by one subscriber as they come, never by the other.
        for (var i = 1; i <= 1_000; i++)
        {
            Volatile.Write(ref backlog, i);
            topic.Changed();
            if (i % 100 == 0)
            {
                await Eventually.Async(async () => (await reader.TakeAsync(Cancellation)).Kpis, kpis => kpis.Any(k => k.Value == i));
            }
        }

        Assert.True(stuck.Pending <= KpiDefinitions.All.Count);
        var late = await stuck.TakeAsync(Cancellation);
        Assert.Equal(1_000, late.Kpis.Single(k => k.Definition == KpiDefinitions.Backlog).Value);
        // Only the backlog ever changed: the reader's changes carried nothing else.
        topic.Changed();
        Volatile.Write(ref backlog, 1_001);
        topic.Changed();
        var next = await Eventually.Async(() => reader.TakeAsync(Cancellation), u => u.Kpis.Any(k => k.Value == 1_001));
        Assert.Equal([KpiDefinitions.Backlog.Name], next.Kpis.Select(k => k.Definition.Name));
    }

    private static KpiFeedUpdate Update(bool snapshot, int backlog, int csat, IReadOnlyList<KpiDefinition>? only = null) =>
        new(snapshot, Period, [.. Results(backlog, csat).Where(r => only is null || only.Contains(r.Definition))], DateTimeOffset.UnixEpoch, true, false);

    private static IReadOnlyList<KpiResult> Results(int backlog, int csat) =>
        [.. KpiDefinitions.All.Select(d => d == KpiDefinitions.Backlog ? new KpiResult(d, backlog, backlog)
            : d == KpiDefinitions.CsatPercent ? new KpiResult(d, csat, 10) : new KpiResult(d, null, 0))];
}
