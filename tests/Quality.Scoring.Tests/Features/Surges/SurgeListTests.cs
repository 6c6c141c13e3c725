using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Quality.Contracts;
using Quality.Contracts.Intake;
using Quality.Scoring.Features.Surges;
using Quality.Scoring.Grpc;
using Quality.Scoring.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.Testing;

namespace Quality.Scoring.Tests.Features.Surges;

/// <summary>ListSurges over gRPC: what the monitor found per category, for supervisors and above.</summary>
[Collection(nameof(EventPublishingTests))]
public sealed class SurgeListTests(ScoringServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_surging_category_is_listed_with_its_episode_and_a_calm_one_without()
    {
        var surging = $"surge-l-{Guid.NewGuid():N}"[..20];
        var calm = $"calm-l-{Guid.NewGuid():N}"[..20];
        var interval = new SurgeOptions().Interval;
        var current = SurgeScan.Align(DateTimeOffset.UtcNow, interval);
        // Twelve intervals of 1-3 complaints in both categories, then 30 in the open interval for one of them.
        var complaints = new List<IntegrationEvent>();
        for (var k = 12; k >= 1; k--)
        {
            foreach (var category in new[] { surging, calm })
            {
                complaints.AddRange(Enumerable.Range(0, 1 + k % 3).Select(j => Complaint(category, current - k * interval + TimeSpan.FromSeconds(30 + j))));
            }
        }

        complaints.AddRange(Enumerable.Range(0, 30).Select(j => Complaint(surging, current + TimeSpan.FromMilliseconds(j))));
        await DirectFacts.RecordAsync(servers.Scoring, complaints);

        var (supervisor, channel) = servers.Scoring.GrpcClientFor("sup-surges", Roles.Supervisor, "team-surges");
        using var supervisorChannel = channel;
        // The service's own monitor scans too: a category it holds at that moment is skipped by this scan (SKIP
        // LOCKED), and what it wrote may predate the last of the 30. The next scan sees them all.
        var monitor = servers.Scoring.Services.GetRequiredService<SurgeMonitor>();
        var all = await Eventually.Async(
            async () =>
            {
                await monitor.RunOnceAsync(Cancellation);
                return await supervisor.ListSurgesAsync(new ListSurgesRequest(), cancellationToken: Cancellation);
            },
            a => a.Surges.Any(s => s.Category == surging && s.Surging));
        var surge = Assert.Single(all.Surges, s => s.Category == surging);
        Assert.True(surge.Surging, surge.ToString());
        // The monitor may have caught the surge while the 30 were still being recorded: the count when it was detected.
        Assert.True(surge.EpisodeCount > surge.EpisodeThreshold && surge.EpisodeThreshold > surge.EpisodeBaseline, surge.ToString());
        Assert.True(Guid.TryParse(surge.EpisodeId, out _) && surge.EpisodeStartedAt.ToDateTimeOffset() == current, surge.ToString());
        var quiet = Assert.Single(all.Surges, s => s.Category == calm);
        Assert.Equal((false, "", null), (quiet.Surging, quiet.EpisodeId, quiet.EpisodeStartedAt));
        // The baseline has seen the closed intervals (the last may still be within its lateness).
        Assert.True(quiet.Intervals >= 11 && quiet.Baseline is >= 1 and <= 3 && quiet.Threshold > quiet.Baseline, quiet.ToString());
        // Those surging now come first.
        Assert.True(all.Surges.SkipWhile(s => s.Surging).All(s => !s.Surging));

        var now = await supervisor.ListSurgesAsync(new ListSurgesRequest { SurgingOnly = true }, cancellationToken: Cancellation);
        Assert.Contains(now.Surges, s => s.Category == surging);
        Assert.DoesNotContain(now.Surges, s => s.Category == calm);

        var (agent, agentChannel) = servers.Scoring.GrpcClientFor("agent-surges", Roles.Agent, "team-surges");
        using var refusedChannel = agentChannel;
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await agent.ListSurgesAsync(new ListSurgesRequest(), cancellationToken: Cancellation));
        Assert.Equal((StatusCode.PermissionDenied, "only supervisors, quality managers and admins may read complaint surges"), (refused.StatusCode, refused.Status.Detail));
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
