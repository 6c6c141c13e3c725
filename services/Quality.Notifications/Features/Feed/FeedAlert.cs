namespace Quality.Notifications.Features.Feed;

/// <summary>
/// A new in-app alert as the feed carries it: the <c>NOTIFY</c> payload between replicas (well under
/// PostgreSQL's 8,000-byte limit: titles are at most 300 characters) and the SSE <c>alert</c> event's data.
/// </summary>
public sealed record FeedAlert(
    Guid Id,
    string Kind,
    Guid? CaseId,
    string Title,
    string? TitleZh,
    int Severity,
    string RecipientRole,
    string? RecipientId,
    string? TeamId,
    DateTimeOffset CreatedAt,
    int EscalationLevel,
    Guid? ChainId,
    Guid CorrelationId)
{
    public static FeedAlert From(Alerts.Alert a) => new(
        a.Id, a.Kind, a.CaseId, a.Title, a.TitleZh, a.Severity, a.RecipientRole, a.RecipientId, a.TeamId, a.CreatedAt, a.EscalationLevel, a.ChainId, a.CorrelationId);
}
