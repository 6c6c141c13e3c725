using Quality.Contracts.Routing;
using Quality.Messaging.Outbox;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Features.Cases;

/// <summary>
/// Writes what happened to a case into its timeline, and announces every status change, in the same
/// transaction as the change itself.
/// </summary>
public sealed class CaseRecorder(RoutingDbContext db, TimeProvider time)
{
    public const string System = "system";

    public void Record(Case @case, string actor, string action, CaseStatus? from, string? detail = null, string? previousAgentId = null)
    {
        db.Timeline.Add(new TimelineEntry
        {
            CaseId = @case.Id,
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            FromStatus = from,
            ToStatus = @case.Status,
            AgentId = @case.AgentId,
            PreviousAgentId = previousAgentId,
            Detail = detail,
        });

        if (from is { } before && before != @case.Status)
        {
            db.AddToOutbox(new CaseStatusChanged
            {
                CorrelationId = @case.FeedbackId,
                CaseId = @case.Id,
                From = before.Name(),
                To = @case.Status.Name(),
                ChangedBy = actor,
                AgentId = @case.AgentId,
                TeamId = @case.TeamId,
            });
        }
    }
}
