using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quality.Contracts.Routing;
using Quality.Notifications.Features.Surveys;
using Quality.Notifications.Infrastructure;
using Quality.Notifications.Tests.Infrastructure;

namespace Quality.Notifications.Tests.Surveys;

public sealed class SurveySamplingTests(NotificationsServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void The_sample_is_decided_by_the_case_id_alone_and_has_about_the_configured_size()
    {
        var cases = Enumerable.Range(0, 10_000).Select(_ => Guid.CreateVersion7()).ToList();

        var sampled = cases.Count(c => SurveySampling.Includes(c, 0.3));

        Assert.InRange(sampled, 2_800, 3_200);
        Assert.All(cases.Take(500), c => Assert.Equal(SurveySampling.Includes(c, 0.3), SurveySampling.Includes(c, 0.3)));
        Assert.DoesNotContain(cases, c => SurveySampling.Includes(c, 0));
        Assert.All(cases, c => Assert.True(SurveySampling.Includes(c, 1)));
        // A larger rate keeps every case a smaller one took.
        Assert.All(cases.Where(c => SurveySampling.Includes(c, 0.3)), c => Assert.True(SurveySampling.Includes(c, 0.6)));
    }

    [Fact]
    public async Task With_a_sample_rate_of_zero_no_case_is_scheduled_and_each_is_recorded_as_not_sampled()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new SurveyOptions { LinkKey = "set", SampleRate = 0 });
        var cases = Enumerable.Range(0, 20).Select(_ => Guid.CreateVersion7()).ToList();
        // One batch, as the consumer decides them.
        await DecideAsync(options, [.. cases.Select(caseId => Resolution(caseId, $"email:{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddDays(300)))]);

        await using var read = servers.Notifications.Services.CreateAsyncScope();
        var rows = await read.ServiceProvider.GetRequiredService<NotificationsDbContext>().SurveyInvitations.AsNoTracking()
            .Where(i => cases.Contains(i.CaseId)).ToListAsync(Cancellation);
        Assert.Equal(20, rows.Count);
        Assert.All(rows, r => Assert.Equal((SurveyInvitationStatuses.Skipped, SurveySkipReasons.NotSampled), (r.Status, r.Reason)));
    }

    [Fact]
    public async Task A_batch_decides_each_case_once_and_counts_its_own_invitations_for_the_cooldown()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new SurveyOptions { LinkKey = "set", Cooldown = TimeSpan.FromDays(30) });
        // Far ahead, so the service's own sweeper does not send what is scheduled.
        var resolvedAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(300), TimeSpan.Zero);
        var (alice, bob) = ($"email:{Guid.NewGuid():N}", $"email:{Guid.NewGuid():N}");
        var (aliceFirst, aliceSecond, aliceLater, bobEarlier, bobNow, anonymous) =
            (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await DecideAsync(options, [Resolution(bobEarlier, bob, resolvedAt.AddDays(-10))]);

        await DecideAsync(options,
        [
            Resolution(aliceFirst, alice, resolvedAt),
            Resolution(aliceFirst, alice, resolvedAt.AddMinutes(5)),
            Resolution(aliceSecond, alice, resolvedAt.AddDays(2)),
            Resolution(aliceLater, alice, resolvedAt.AddDays(45)),
            Resolution(bobNow, bob, resolvedAt),
            Resolution(anonymous, " ", resolvedAt),
        ]);

        await using var read = servers.Notifications.Services.CreateAsyncScope();
        var cases = new[] { aliceFirst, aliceSecond, aliceLater, bobEarlier, bobNow, anonymous };
        var rows = (await read.ServiceProvider.GetRequiredService<NotificationsDbContext>().SurveyInvitations.AsNoTracking()
            .Where(i => cases.Contains(i.CaseId)).ToListAsync(Cancellation)).ToDictionary(i => i.CaseId);
        Assert.Equal(6, rows.Count);
        Assert.Equal(resolvedAt + options.Value.Delay, rows[aliceFirst].DueAt);
        Assert.Equal((SurveyInvitationStatuses.Scheduled, (string?)null), (rows[aliceFirst].Status, rows[aliceFirst].Reason));
        Assert.Equal((SurveyInvitationStatuses.Skipped, SurveySkipReasons.Cooldown), (rows[aliceSecond].Status, rows[aliceSecond].Reason));
        Assert.Equal((SurveyInvitationStatuses.Scheduled, (string?)null), (rows[aliceLater].Status, rows[aliceLater].Reason));
        Assert.Equal((SurveyInvitationStatuses.Scheduled, (string?)null), (rows[bobEarlier].Status, rows[bobEarlier].Reason));
        Assert.Equal((SurveyInvitationStatuses.Skipped, SurveySkipReasons.Cooldown), (rows[bobNow].Status, rows[bobNow].Reason));
        Assert.Equal((SurveyInvitationStatuses.Skipped, SurveySkipReasons.NoCustomer), (rows[anonymous].Status, rows[anonymous].Reason));

        // Decided once: the same resolutions again change nothing.
        await DecideAsync(options, [Resolution(aliceSecond, alice, resolvedAt.AddDays(60)), Resolution(aliceFirst, alice, resolvedAt)]);
        var again = await read.ServiceProvider.GetRequiredService<NotificationsDbContext>().SurveyInvitations.AsNoTracking()
            .Where(i => cases.Contains(i.CaseId)).ToDictionaryAsync(i => i.CaseId, i => (i.Status, i.Reason, i.DueAt), Cancellation);
        Assert.Equal(rows.ToDictionary(r => r.Key, r => (r.Value.Status, r.Value.Reason, r.Value.DueAt)), again);
    }

    private async Task DecideAsync(Microsoft.Extensions.Options.IOptions<SurveyOptions> options, IReadOnlyList<CaseResolved> resolutions)
    {
        await using var scope = servers.Notifications.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var scheduler = new SurveyScheduler(db, options, TimeProvider.System, NullLogger<SurveyScheduler>.Instance);
        await using var transaction = await db.Database.BeginTransactionAsync(Cancellation);
        await scheduler.ResolvedAsync(resolutions, Cancellation);
        await db.SaveChangesAsync(Cancellation);
        await transaction.CommitAsync(Cancellation);
    }

    private static CaseResolved Resolution(Guid caseId, string customerKey, DateTimeOffset resolvedAt) => new()
    {
        CorrelationId = Guid.CreateVersion7(),
        CaseId = caseId,
        FeedbackId = Guid.CreateVersion7(),
        CustomerKey = customerKey,
        ResolutionTime = TimeSpan.FromHours(1),
        FirstContactResolution = false,
        SlaMet = true,
        ResolvedAt = resolvedAt,
    };
}
