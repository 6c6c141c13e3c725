using Microsoft.EntityFrameworkCore;
using Quality.Scoring.Features.QaReviews;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Features.Kpis;

/// <summary>
/// Reads the facts a period's KPIs need. Measures over the period (surveys, feedback, responses) load only the
/// period; the backlog needs every case's history up to the period end, and attribution needs every assignment.
/// Fine at today's volumes; the live Redis values are what will keep hot queries cheap.
/// </summary>
public sealed class KpiFactLoader(ScoringDbContext db)
{
    public async Task<KpiFacts> LoadAsync(KpiPeriod period, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        return new KpiFacts
        {
            Cases = await db.CaseFacts.AsNoTracking().Where(c => c.OpenedAt < to).ToListAsync(ct),
            Assignments = await db.CaseAssignmentFacts.AsNoTracking().ToListAsync(ct),
            Responses = await db.CaseResponseFacts.AsNoTracking().Where(r => r.RespondedAt >= from && r.RespondedAt < to).ToListAsync(ct),
            Resolutions = await db.CaseResolutionFacts.AsNoTracking().Where(r => r.ResolvedAt < to).ToListAsync(ct),
            Reopens = await db.CaseReopenFacts.AsNoTracking().Where(r => r.ReopenedAt < to).ToListAsync(ct),
            Feedback = await db.FeedbackFacts.AsNoTracking().Where(f => f.ReceivedAt >= from && f.ReceivedAt < to).ToListAsync(ct),
            Surveys = await db.SurveyFacts.AsNoTracking().Where(s => s.AnsweredAt >= from && s.AnsweredAt < to).ToListAsync(ct),
            Reviews = await ReviewsAsync(period, ct),
        };
    }

    /// <summary>The reviews behind <c>qa_score</c>: few (people make them), so even live windows read them here.</summary>
    public async Task<IReadOnlyList<QaReview>> ReviewsAsync(KpiPeriod period, CancellationToken ct) =>
        await db.QaReviews.AsNoTracking()
            .Where(r => r.CalibrationId == null && r.ReviewedAt >= period.From && r.ReviewedAt < period.To).ToListAsync(ct);

    /// <summary>The team of an agent's latest assignment, for a supervisor asking about one of their agents.</summary>
    public Task<string?> TeamOfAgentAsync(string agentId, CancellationToken ct) =>
        db.CaseAssignmentFacts.AsNoTracking().Where(a => a.AgentId == agentId)
            .OrderByDescending(a => a.AssignedAt).Select(a => a.TeamId).FirstOrDefaultAsync(ct);

    /// <summary>Whether Scoring has seen the agent: a case was assigned to them.</summary>
    public Task<bool> AgentExistsAsync(string agentId, CancellationToken ct) =>
        db.CaseAssignmentFacts.AnyAsync(a => a.AgentId == agentId, ct);

    /// <summary>Whether Scoring has seen the team: a case was opened for it or assigned within it.</summary>
    public async Task<bool> TeamExistsAsync(string teamId, CancellationToken ct) =>
        await db.CaseFacts.AnyAsync(c => c.TeamId == teamId, ct) || await db.CaseAssignmentFacts.AnyAsync(a => a.TeamId == teamId, ct);
}
