using Microsoft.Extensions.Options;
using Quality.Messaging.Batching;
using Quality.Notifications.Features.Alerts;

namespace Quality.Notifications.Consumers;

/// <summary>The queue <c>notifications-case-opened</c>, taken in batches as the rule events are.</summary>
public sealed class CaseOpenedAlertConsumerDefinition(IOptions<AlertBatchOptions> batches)
    : BatchConsumerDefinition<CaseOpenedAlertConsumer>("notifications-case-opened", batches.Value);
