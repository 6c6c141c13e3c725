using MassTransit;
using Quality.Contracts.Intake;
using Quality.Messaging.Inbox;
using Quality.Notifications.Features.Surveys;
using Quality.Notifications.Infrastructure;

namespace Quality.Notifications.Consumers;

/// <summary>An erased customer is not invited, and what this service kept about them (their pseudonym, an unsent address) goes.</summary>
public sealed class CustomerErasedSurveyConsumer(Inbox<NotificationsDbContext> inbox, SurveyScheduler scheduler) : IConsumer<CustomerErased>
{
    public Task Consume(ConsumeContext<CustomerErased> context) =>
        inbox.ProcessOnceAsync<CustomerErasedSurveyConsumer>(context, cancellationToken => scheduler.ErasedAsync(context.Message, cancellationToken));
}
