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
        await using (var scope = servers.Notifications.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var scheduler = new SurveyScheduler(db, options, TimeProvider.System, NullLogger<SurveyScheduler>.Instance);
            await using var transaction = await db.Database.BeginTransactionAsync(Cancellation);
            foreach (var caseId in cases)
            {
                await scheduler.ResolvedAsync(new CaseResolved
                {
                    CorrelationId = Guid.CreateVersion7(),
                    CaseId = caseId,
                    FeedbackId = Guid.CreateVersion7(),
                    CustomerKey = $"email:{Guid.NewGuid():N}",
                    ResolutionTime = TimeSpan.FromHours(1),
                    FirstContactResolution = false,
                    SlaMet = true,
                    // Far ahead, so the service's own sweeper would not touch them even if they were scheduled.
                    ResolvedAt = DateTimeOffset.UtcNow.AddDays(300),
                }, Cancellation);
            }

            await db.SaveChangesAsync(Cancellation);
            await transaction.CommitAsync(Cancellation);
        }

        await using var read = servers.Notifications.Services.CreateAsyncScope();
        var rows = await read.ServiceProvider.GetRequiredService<NotificationsDbContext>().SurveyInvitations.AsNoTracking()
            .Where(i => cases.Contains(i.CaseId)).ToListAsync(Cancellation);
        Assert.Equal(20, rows.Count);
        Assert.All(rows, r => Assert.Equal((SurveyInvitationStatuses.Skipped, SurveySkipReasons.NotSampled), (r.Status, r.Reason)));
    }
}
