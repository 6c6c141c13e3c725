using Quality.Messaging.Batching;

namespace Quality.Notifications.Features.Alerts;

/// <summary>
/// How rule events (SLA warnings and breaches, escalations, goals, surges) and cases opened are taken in batches, per event type (see
/// <see cref="MessageBatchOptions"/>).
/// </summary>
public sealed class AlertBatchOptions : MessageBatchOptions
{
    public const string SectionName = "Notifications:Alerts";
}
