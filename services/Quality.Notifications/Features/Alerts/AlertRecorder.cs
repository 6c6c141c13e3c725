using Quality.Contracts.Routing;
using Quality.Notifications.Infrastructure;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Notifications.Features.Alerts;

/// <summary>Records in-app alerts; called inside the consumer's inbox transaction.</summary>
public sealed class AlertRecorder(NotificationsDbContext db, TimeProvider time)
{
    /// <summary>A new case tells the team's supervisors; its priority sets the alert's severity.</summary>
    public void CaseOpened(CaseOpened opened) => db.Alerts.Add(new Alert
    {
        Id = Guid.CreateVersion7(),
        Kind = "case_opened",
        CaseId = opened.CaseId,
        RecipientRole = Roles.Supervisor,
        TeamId = opened.TeamId,
        Severity = 5 - opened.Priority,
        Title = $"New {opened.Category} case, priority {opened.Priority}",
        SourceEventId = opened.EventId,
        CorrelationId = opened.CorrelationId,
        CreatedAt = time.GetUtcNow(),
    });
}
