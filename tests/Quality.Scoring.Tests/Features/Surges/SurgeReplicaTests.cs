using Microsoft.Extensions.DependencyInjection;
using Quality.Contracts;
using Quality.Contracts.Intake;
using Quality.Scoring.Features.Surges;
using Quality.Scoring.Tests.Infrastructure;
using Quality.Testing;

namespace Quality.Scoring.Tests.Features.Surges;

/// <summary>A category's complaints surge while two replicas look at once, on the real clock: one <c>ComplaintSurge</c>.</summary>
[Collection(nameof(EventPublishingTests))]
public sealed class SurgeReplicaTests(ScoringServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_surge_is_announced_once_when_two_replicas_watch_the_same_category()
    {
        await using var second = servers.AnotherReplica();
        _ = second.Server;
        var category = $"surge-{Guid.NewGuid():N}"[..20];
        var interval = new SurgeOptions().Interval;
        var current = SurgeScan.Align(DateTimeOffset.UtcNow, interval);
        // Twelve intervals of 1-3 complaints (oldest first), then 30 in the interval now open.
        var complaints = new List<IntegrationEvent>();
        for (var k = 12; k >= 1; k--)
        {
            complaints.AddRange(Enumerable.Range(0, 1 + k % 3).Select(j => Complaint(category, current - k * interval + TimeSpan.FromSeconds(30 + j))));
        }

        complaints.AddRange(Enumerable.Range(0, 30).Select(j => Complaint(category, current + TimeSpan.FromMilliseconds(j))));
        await DirectFacts.RecordAsync(servers.Scoring, complaints);

        // Both replicas' monitors run by themselves too; these calls make the race certain.
        var monitors = new[] { servers.Scoring.Services.GetRequiredService<SurgeMonitor>(), second.Services.GetRequiredService<SurgeMonitor>() };
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => monitors[i % 2].RunOnceAsync(Cancellation), Cancellation)));

        var surge = Assert.Single(await Eventually.Async(() => Outbox.WhereAsync(servers.Scoring, "category", category), e => e.Count > 0));
        Assert.Equal("ComplaintSurge", surge.Type);
        var (count, baseline, threshold) = (
            surge.Payload.GetProperty("count").GetInt32(), surge.Payload.GetProperty("baseline").GetDouble(), surge.Payload.GetProperty("threshold").GetDouble());
        Assert.True(count > threshold && threshold > baseline && baseline is > 0 and < 4, surge.Payload.ToString());

        await Task.WhenAll(monitors.Select(m => m.RunOnceAsync(Cancellation)));
        Assert.Single(await Outbox.WhereAsync(servers.Scoring, "category", category));
    }

    private static FeedbackReceived Complaint(string category, DateTimeOffset at)
    {
        var id = Guid.CreateVersion7();
        return new FeedbackReceived
        {
            CorrelationId = id, FeedbackId = id, Channel = "api", Kind = FeedbackKind.Complaint, Category = category, Severity = 2,
            Sentiment = -0.6, Language = "en", ReceivedAt = at,
        };
    }
}
