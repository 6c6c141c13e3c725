using System.Text.Json;

namespace Quality.Notifications.Benchmark.Receivers;

/// <summary>The ids a webhook body carries that the benchmark matches on: the triggering event's id and the alert's.</summary>
public sealed record WebhookBody(Guid EventId, Guid AlertId)
{
    /// <summary>Null when the body is not JSON or lacks either id.</summary>
    public static WebhookBody? Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                   && root.TryGetProperty("eventId", out var eventId) && eventId.ValueKind == JsonValueKind.String && eventId.TryGetGuid(out var evt)
                   && root.TryGetProperty("alertId", out var alertId) && alertId.ValueKind == JsonValueKind.String && alertId.TryGetGuid(out var alert)
                ? new WebhookBody(evt, alert)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
