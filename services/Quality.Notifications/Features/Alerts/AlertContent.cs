using System.Text.Json;

namespace Quality.Notifications.Features.Alerts;

/// <summary>What an alert's deliveries carry: the triggering event (for webhook bodies) and the email's words.</summary>
public sealed record AlertContent(
    string EventType, JsonElement Data, Guid EventId, Guid CorrelationId, DateTimeOffset OccurredAt, string EmailLanguage, string? EmailBody);
