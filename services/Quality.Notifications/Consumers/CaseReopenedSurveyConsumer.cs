using MassTransit;
using Quality.Contracts.Routing;
using Quality.Messaging.Inbox;
using Quality.Notifications.Features.Surveys;
using Quality.Notifications.Infrastructure;

namespace Quality.Notifications.Consumers;

/// <summary>Cancels a reopened case's survey invitation and remembers the case, so a later resolution invites nobody.</summary>
public sealed class CaseReopenedSurveyConsumer(Inbox<NotificationsDbContext> inbox, SurveyScheduler scheduler) : IConsumer<CaseReopened>
{
    public Task Consume(ConsumeContext<CaseReopened> context) =>
        inbox.ProcessOnceAsync<CaseReopenedSurveyConsumer>(context, cancellationToken => scheduler.ReopenedAsync(context.Message, cancellationToken));
}
