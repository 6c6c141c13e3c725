namespace Quality.Notifications.Features.Alerts;

/// <summary>Something a person should look at, addressed to a role (and team) and kept until acknowledged.</summary>
public sealed class Alert
{
    public Guid Id { get; init; }
    public required string Kind { get; init; }
    public Guid? CaseId { get; init; }
    public required string RecipientRole { get; init; }
    public string? TeamId { get; init; }
    public int Severity { get; init; }
    public required string Title { get; init; }

    /// <summary>The event that raised it; unique per kind, so one event never raises two alerts.</summary>
    public Guid SourceEventId { get; init; }

    public Guid CorrelationId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
}
