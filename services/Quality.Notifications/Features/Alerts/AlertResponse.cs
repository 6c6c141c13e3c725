namespace Quality.Notifications.Features.Alerts;

public sealed record AlertResponse(Guid Id, string Kind, Guid? CaseId, string Title, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy);
