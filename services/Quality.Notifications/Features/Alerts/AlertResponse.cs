namespace Quality.Notifications.Features.Alerts;

/// <summary>
/// An alert as the HTTP API shows it. <see cref="EscalationLevel"/> is 0 for a rule's own alert; an escalated
/// one names the alert it escalated and its chain's first alert. <see cref="NextEscalationLevel"/> and
/// <see cref="NextEscalationAt"/> say when this alert escalates further unless acknowledged (null: it does not).
/// </summary>
public sealed record AlertResponse(
    Guid Id,
    string Kind,
    Guid? CaseId,
    string Title,
    string? TitleZh,
    int Severity,
    string Channel,
    string RecipientRole,
    string? RecipientId,
    string? TeamId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    int EscalationLevel,
    Guid? EscalatedFromId,
    Guid? ChainId,
    int? NextEscalationLevel,
    DateTimeOffset? NextEscalationAt)
{
    public static AlertResponse From(AlertView view)
    {
        var a = view.Alert;
        return new(a.Id, a.Kind, a.CaseId, a.Title, a.TitleZh, a.Severity, a.Channel, a.RecipientRole, a.RecipientId, a.TeamId, a.CreatedAt,
            a.AcknowledgedAt, a.AcknowledgedBy, a.EscalationLevel, a.EscalatedFromId, a.ChainId, view.NextEscalationLevel, view.NextEscalationAt);
    }
}
