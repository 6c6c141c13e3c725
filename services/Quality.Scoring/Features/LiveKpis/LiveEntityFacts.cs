using Microsoft.EntityFrameworkCore;
using Quality.Contracts.Intake;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>Reads one entity's facts and turns them into its live entries.</summary>
public sealed class LiveEntityFacts(ScoringDbContext db)
{
    /// <summary>
    /// Each entity's entries, and how many facts they were computed from. Cases are read together (one query per
    /// fact table for all of them, not per case); each case still sees exactly its own facts.
    /// </summary>
    public async Task<Dictionary<string, (IReadOnlyList<LiveEntry> Entries, int Facts)>> EntriesAsync(
        IReadOnlyCollection<string> entities, DateTimeOffset now, CancellationToken ct)
    {
        var entries = new Dictionary<string, (IReadOnlyList<LiveEntry> Entries, int Facts)>();
        var caseIds = entities.Where(e => e.StartsWith("case:", StringComparison.Ordinal)).Distinct().ToDictionary(e => Guid.Parse(e[5..]));
        if (caseIds.Count > 0)
        {
            foreach (var (caseId, caseEntries) in await CasesAsync([.. caseIds.Keys], now, ct))
            {
                entries[caseIds[caseId]] = caseEntries;
            }
        }

        foreach (var entity in entities.Where(e => !entries.ContainsKey(e)).Distinct())
        {
            entries[entity] = await EntriesAsync(entity, now, ct);
        }

        return entries;
    }

    public Task<(IReadOnlyList<LiveEntry> Entries, int Facts)> EntriesAsync(string entity, DateTimeOffset now, CancellationToken ct)
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

    private async Task<(IReadOnlyList<LiveEntry> Entries, int Facts)> CaseAsync(Guid caseId, DateTimeOffset now, CancellationToken ct)
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
        return (LiveContributionBuilder.ForCase(facts, caseId, now), facts.Count);
    }

    private async Task<IEnumerable<(Guid CaseId, (IReadOnlyList<LiveEntry> Entries, int Facts) Fold)>> CasesAsync(List<Guid> caseIds, DateTimeOffset now, CancellationToken ct)
    {
        var cases = (await db.CaseFacts.AsNoTracking().Where(c => caseIds.Contains(c.CaseId)).ToListAsync(ct)).ToLookup(c => c.CaseId);
        var openedFrom = caseIds.Select(id => cases[id].Select(c => (Guid?)c.FeedbackId).FirstOrDefault()).OfType<Guid>().Distinct().ToList();
        var assignments = (await db.CaseAssignmentFacts.AsNoTracking().Where(a => caseIds.Contains(a.CaseId)).ToListAsync(ct)).ToLookup(a => a.CaseId);
        var responses = (await db.CaseResponseFacts.AsNoTracking().Where(r => caseIds.Contains(r.CaseId)).ToListAsync(ct)).ToLookup(r => r.CaseId);
        var resolutions = (await db.CaseResolutionFacts.AsNoTracking().Where(r => caseIds.Contains(r.CaseId)).ToListAsync(ct)).ToLookup(r => r.CaseId);
        var reopens = (await db.CaseReopenFacts.AsNoTracking().Where(r => caseIds.Contains(r.CaseId)).ToListAsync(ct)).ToLookup(r => r.CaseId);
        var surveys = (await db.SurveyFacts.AsNoTracking().Where(s => s.CaseId != null && caseIds.Contains(s.CaseId.Value)).ToListAsync(ct))
            .ToLookup(s => s.CaseId!.Value);
        var feedback = await db.FeedbackFacts.AsNoTracking()
            .Where(f => (f.CaseId != null && caseIds.Contains(f.CaseId.Value)) || (f.CaseId == null && openedFrom.Contains(f.FeedbackId))).ToListAsync(ct);
        var feedbackByCase = feedback.Where(f => f.CaseId is not null).ToLookup(f => f.CaseId!.Value);
        var feedbackById = feedback.Where(f => f.CaseId is null).ToLookup(f => f.FeedbackId);

        return caseIds.Select(caseId =>
        {
            var caseFacts = cases[caseId].ToList();
            var from = caseFacts.Select(c => (Guid?)c.FeedbackId).FirstOrDefault();
            var facts = new KpiFacts
            {
                Cases = caseFacts,
                Assignments = [.. assignments[caseId]],
                Responses = [.. responses[caseId]],
                Resolutions = [.. resolutions[caseId]],
                Reopens = [.. reopens[caseId]],
                Surveys = [.. surveys[caseId]],
                Feedback = [.. feedbackByCase[caseId], .. from is { } id ? feedbackById[id] : []],
            };
            return (caseId, (LiveContributionBuilder.ForCase(facts, caseId, now), facts.Count));
        });
    }

    // A survey answer or feedback item that belongs to a case is counted with the case, not here as well.
    private async Task<(IReadOnlyList<LiveEntry> Entries, int Facts)> SurveyAsync(Guid feedbackId, SurveyType type, DateTimeOffset now, CancellationToken ct)
    {
        var survey = await db.SurveyFacts.AsNoTracking().FirstOrDefaultAsync(s => s.FeedbackId == feedbackId && s.SurveyType == type, ct);
        return (LiveContributionBuilder.ForOrphanSurvey(survey, now), survey is { CaseId: null } ? 1 : 0);
    }

    private async Task<(IReadOnlyList<LiveEntry> Entries, int Facts)> FeedbackAsync(Guid feedbackId, DateTimeOffset now, CancellationToken ct)
    {
        var feedback = await db.FeedbackFacts.AsNoTracking().FirstOrDefaultAsync(f => f.FeedbackId == feedbackId, ct);
        var openedACase = await db.CaseFacts.AnyAsync(c => c.FeedbackId == feedbackId, ct);
        return (LiveContributionBuilder.ForOrphanFeedback(feedback, openedACase, now), feedback is { CaseId: null } && !openedACase ? 1 : 0);
    }

    /// <summary>The case opened from a feedback item, if any: a feedback item that names no case belongs to it.</summary>
    public Task<Guid?> CaseOpenedFromAsync(Guid feedbackId, CancellationToken ct) =>
        db.CaseFacts.AsNoTracking().Where(c => c.FeedbackId == feedbackId).Select(c => (Guid?)c.CaseId).FirstOrDefaultAsync(ct);
}
