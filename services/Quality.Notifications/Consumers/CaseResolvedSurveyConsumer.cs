using MassTransit;
using Quality.Contracts.Routing;
using Quality.Messaging.Inbox;
using Quality.Notifications.Features.Surveys;
using Quality.Notifications.Infrastructure;

namespace Quality.Notifications.Consumers;

/// <summary>Schedules (or skips, with its reason) the survey invitation of a resolved case, once per event.</summary>
public sealed class CaseResolvedSurveyConsumer(Inbox<NotificationsDbContext> inbox, SurveyScheduler scheduler) : IConsumer<CaseResolved>
{
    public Task Consume(ConsumeContext<CaseResolved> context) =>
        inbox.ProcessOnceAsync<CaseResolvedSurveyConsumer>(context, cancellationToken => scheduler.ResolvedAsync(context.Message, cancellationToken));
}
