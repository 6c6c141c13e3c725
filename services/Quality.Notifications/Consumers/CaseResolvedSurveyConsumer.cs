using MassTransit;
using Quality.Contracts.Routing;
using Quality.Messaging.Batching;
using Quality.Messaging.Inbox;
using Quality.Notifications.Features.Surveys;
using Quality.Notifications.Infrastructure;

namespace Quality.Notifications.Consumers;

/// <summary>
/// Schedules (or skips, with its reason) the survey invitations of resolved cases, once per event, a batch at a time
/// (see <see cref="SurveyBatchOptions"/>): the whole batch in one transaction, or each resolution in its own when that
/// fails (see <see cref="BatchConsumption"/>). Each attempt has a scope of its own, so a failed batch leaves nothing
/// tracked for the next.
/// </summary>
public sealed class CaseResolvedSurveyConsumer(IServiceScopeFactory scopes, ILogger<CaseResolvedSurveyConsumer> logger) : IConsumer<Batch<CaseResolved>>
{
    public Task Consume(ConsumeContext<Batch<CaseResolved>> context) =>
        BatchConsumption.ApplyAsync(context, nameof(CaseResolvedSurveyConsumer), ScheduleAsync, (message, ct) => ScheduleAsync([message], ct), logger);

    private async Task ScheduleAsync(IReadOnlyList<ConsumeContext<CaseResolved>> messages, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var inbox = scope.ServiceProvider.GetRequiredService<Inbox<NotificationsDbContext>>();
        var scheduler = scope.ServiceProvider.GetRequiredService<SurveyScheduler>();
        await inbox.ProcessBatchOnceAsync<CaseResolvedSurveyConsumer, ConsumeContext<CaseResolved>>(
            messages, BatchConsumption.MessageIdOf, (fresh, ct) => scheduler.ResolvedAsync([.. fresh.Select(m => m.Message)], ct), cancellationToken);
    }
}
