using Microsoft.EntityFrameworkCore;
using Quality.Contracts.Intake;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>Reads one entity's facts and turns them into its live entries.</summary>
public sealed class LiveEntityFacts(ScoringDbContext db)
{
    public Task<IReadOnlyList<LiveEntry>> EntriesAsync(string entity, DateTimeOffset now, CancellationToken ct)
    {
        var parts = entity.Split(':');
        return parts[0] switch
        {
            "case" => CaseAsync(Guid.Parse(parts[1]), now, ct),
            "survey" => SurveyAsync(Guid.Parse(parts[1]), (SurveyType)int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), now, ct),
            "feedback" => FeedbackAsync(Guid.Parse(parts[1]), now, ct),
            _ => throw new ArgumentException($"Unknown live entity '{entity}'.", nameof(entity)),
        };
    }

    private async Task<IReadOnlyList<LiveEntry>> CaseAsync(Guid caseId, DateTimeOffset now, CancellationToken ct)
    {
        var cases = await db.CaseFacts.AsNoTracking().Where(c => c.CaseId == caseId).ToListAsync(ct);
        var openedFrom = cases.Select(c => (Guid?)c.FeedbackId).FirstOrDefault();
        var facts = new KpiFacts
        {
            Cases = cases,
            Assignments = await db.CaseAssignmentFacts.AsNoTracking().Where(a => a.CaseId == caseId).ToListAsync(ct),
            Responses = await db.CaseResponseFacts.AsNoTracking().Where(r => r.CaseId == caseId).ToListAsync(ct),
            Resolutions = await db.CaseResolutionFacts.AsNoTracking().Where(r => r.CaseId == caseId).ToListAsync(ct),
            Reopens = await db.CaseReopenFacts.AsNoTracking().Where(r => r.CaseId == caseId).ToListAsync(ct),
            Surveys = await db.SurveyFacts.AsNoTracking().Where(s => s.CaseId == caseId).ToListAsync(ct),
            Feedback = await db.FeedbackFacts.AsNoTracking()
                .Where(f => f.CaseId == caseId || (f.CaseId == null && f.FeedbackId == openedFrom)).ToListAsync(ct),
        };
        return LiveContributionBuilder.ForCase(facts, caseId, now);
    }

    private async Task<IReadOnlyList<LiveEntry>> SurveyAsync(Guid feedbackId, SurveyType type, DateTimeOffset now, CancellationToken ct)
    {
        var survey = await db.SurveyFacts.AsNoTracking().FirstOrDefaultAsync(s => s.FeedbackId == feedbackId && s.SurveyType == type, ct);
        return LiveContributionBuilder.ForOrphanSurvey(survey, now);
    }

    private async Task<IReadOnlyList<LiveEntry>> FeedbackAsync(Guid feedbackId, DateTimeOffset now, CancellationToken ct)
    {
        var feedback = await db.FeedbackFacts.AsNoTracking().FirstOrDefaultAsync(f => f.FeedbackId == feedbackId, ct);
        var openedACase = await db.CaseFacts.AnyAsync(c => c.FeedbackId == feedbackId, ct);
        return LiveContributionBuilder.ForOrphanFeedback(feedback, openedACase, now);
    }

    /// <summary>The case opened from a feedback item, if any: a feedback item that names no case belongs to it.</summary>
    public Task<Guid?> CaseOpenedFromAsync(Guid feedbackId, CancellationToken ct) =>
        db.CaseFacts.AsNoTracking().Where(c => c.FeedbackId == feedbackId).Select(c => (Guid?)c.CaseId).FirstOrDefaultAsync(ct);
}
