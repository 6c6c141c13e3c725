using Microsoft.EntityFrameworkCore;
using Quality.Routing.Features.Access;
using Quality.Routing.Features.Escalation;
using Quality.Routing.Features.Sla;
using Quality.Routing.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Routing.Features.Cases;

public sealed class CaseQueries(RoutingDbContext db)
{
    public const int MaxPageSize = 200;

    public async Task<Case> GetAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().Include(c => c.Escalation).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw AccessRules.CaseNotFound(id);
        AccessRules.EnsureCanRead(caller, found);
        return found;
    }

    public async Task<(List<Case> Cases, string? NextPageToken)> ListAsync(Caller caller, CaseFilter filter, CancellationToken cancellationToken)
    {
        var pageSize = filter.PageSize switch
        {
            0 => 50,
            < 0 or > MaxPageSize => throw new RequestValidationException("page_size", $"must be between 1 and {MaxPageSize}"),
            _ => filter.PageSize,
        };

        var query = db.Cases.AsNoTracking().Include(c => c.Escalation).AsQueryable();
        if (filter.FeedbackId.Length > 0)
        {
            var feedbackId = FieldErrors.ParseId(filter.FeedbackId, "feedback_id");
            query = query.Where(c => c.FeedbackId == feedbackId);
        }

        if (filter.Status.Length > 0)
        {
            var status = CaseStatusNames.Parse(filter.Status, "status");
            query = query.Where(c => c.Status == status);
        }

        if (filter.TeamId.Length > 0)
        {
            query = query.Where(c => c.TeamId == filter.TeamId);
        }

        if (filter.AgentId.Length > 0)
        {
            query = query.Where(c => c.AgentId == filter.AgentId);
        }

        if (filter.Priority != 0)
        {
            query = filter.Priority is >= 1 and <= 4
                ? query.Where(c => c.Priority == filter.Priority)
                : throw new RequestValidationException("priority", "must be between 1 (most urgent) and 4");
        }

        if (filter.SlaBreached is { } breached)
        {
            query = breached ? query.Where(c => c.SlaBreachedAt != null) : query.Where(c => c.SlaBreachedAt == null);
        }

        if (filter.Escalated is { } escalated)
        {
            query = escalated
                ? query.Where(c => c.Escalation != null && c.Escalation.State == EscalationState.Climbing)
                : query.Where(c => c.Escalation == null || c.Escalation.State != EscalationState.Climbing);
        }

        if (caller.Team is { } team)
        {
            query = query.Where(c => c.TeamId == team);
        }

        if (filter.PageToken.Length > 0)
        {
            // Ids are version-7 UUIDs, so their order is opening order: the last id is a stable cursor.
            var after = FieldErrors.ParseId(filter.PageToken, "page_token");
            query = query.Where(c => c.Id.CompareTo(after) < 0);
        }

        var page = await query.OrderByDescending(c => c.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        return page.Count > pageSize ? (page[..pageSize], page[pageSize - 1].Id.ToString()) : (page, null);
    }

    /// <summary>
    /// Each case's nearest deadline among its SLA clocks running toward a goal, in one query for a page of cases, so a
    /// queue ordered by deadline needs no call per case.
    /// </summary>
    public async Task<Dictionary<Guid, DateTimeOffset>> NextSlaDueAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken) =>
        await db.SlaClocks.AsNoTracking()
            .Where(c => caseIds.Contains(c.CaseId) && c.State == SlaClockState.Running && c.DueAt != null)
            .GroupBy(c => c.CaseId)
            .Select(g => new { CaseId = g.Key, DueAt = g.Min(c => c.DueAt)!.Value })
            .ToDictionaryAsync(g => g.CaseId, g => g.DueAt, cancellationToken);

    /// <summary>The audit timeline, oldest first.</summary>
    public async Task<List<TimelineEntry>> TimelineAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        await GetAsync(caller, id, cancellationToken);
        return await db.Timeline.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
    }
}
