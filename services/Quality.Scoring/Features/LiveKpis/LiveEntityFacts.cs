using Microsoft.EntityFrameworkCore;
using Quality.Contracts.Intake;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>Reads entities' facts, a batch at a time, and turns them into their live entries.</summary>
public sealed class LiveEntityFacts(ScoringDbContext db)
{
    /// <summary>
    /// Each entity's entries, and how many facts they were computed from. Entities of a kind are read together (one
    /// query per fact table for all of them, not per entity); each still sees exactly its own facts.
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

        var surveys = entities.Where(e => e.StartsWith(LiveEntities.SurveyPrefix, StringComparison.Ordinal)).Distinct().ToList();
        if (surveys.Count > 0)
        {
            foreach (var (entity, surveyEntries) in await SurveysAsync(surveys, now, ct))
            {
                entries[entity] = surveyEntries;
            }
        }

        var feedback = entities.Where(e => e.StartsWith(LiveEntities.FeedbackPrefix, StringComparison.Ordinal)).Distinct().ToList();
        if (feedback.Count > 0)
        {
            foreach (var (entity, feedbackEntries) in await FeedbackItemsAsync(feedback, now, ct))
            {
                entries[entity] = feedbackEntries;
            }
        }

        if (entities.FirstOrDefault(e => !entries.ContainsKey(e)) is { } unknown)
        {
            throw new ArgumentException($"Unknown live entity '{unknown}'.", nameof(entities));
        }

        return entries;
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
        var reviews = (await db.QaReviews.AsNoTracking().Where(r => r.CalibrationId == null && caseIds.Contains(r.CaseId)).ToListAsync(ct))
            .ToLookup(r => r.CaseId);
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
                Reviews = [.. reviews[caseId]],
            };
            return (caseId, (LiveContributionBuilder.ForCase(facts, caseId, now), facts.Count));
        });
    }

    /// <summary>The cases opened from these feedback items: a feedback item that names no case belongs to the case opened from it.</summary>
    public Task<List<Guid>> CasesOpenedFromAsync(List<Guid> feedbackIds, CancellationToken ct) =>
        db.CaseFacts.AsNoTracking().Where(c => feedbackIds.Contains(c.FeedbackId)).Select(c => c.CaseId).ToListAsync(ct);

    /// <summary>
    /// Survey answers without a case, read together (one query); each entity still sees only its own answer. An answer
    /// that belongs to a case is counted with the case, not here as well (likewise feedback items, below).
    /// </summary>
    private async Task<IEnumerable<(string Entity, (IReadOnlyList<LiveEntry> Entries, int Facts) Fold)>> SurveysAsync(
        List<string> entities, DateTimeOffset now, CancellationToken ct)
    {
        var keys = entities.Select(e => (Entity: e, Parts: e.Split(':'))).Select(e => (
            e.Entity, FeedbackId: Guid.Parse(e.Parts[1]), Type: (SurveyType)int.Parse(e.Parts[2], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var feedbackIds = keys.Select(k => k.FeedbackId).Distinct().ToList();
        var answers = (await db.SurveyFacts.AsNoTracking().Where(s => feedbackIds.Contains(s.FeedbackId)).ToListAsync(ct))
            .ToDictionary(s => (s.FeedbackId, s.SurveyType));
        return keys.Select(k =>
        {
            var survey = answers.GetValueOrDefault((k.FeedbackId, k.Type));
            return (k.Entity, (LiveContributionBuilder.ForOrphanSurvey(survey, now), survey is { CaseId: null } ? 1 : 0));
        });
    }

    /// <summary>Feedback items without a case, read together (two queries for all of them).</summary>
    private async Task<IEnumerable<(string Entity, (IReadOnlyList<LiveEntry> Entries, int Facts) Fold)>> FeedbackItemsAsync(
        List<string> entities, DateTimeOffset now, CancellationToken ct)
    {
        var ids = entities.Select(e => (Entity: e, FeedbackId: Guid.Parse(e[LiveEntities.FeedbackPrefix.Length..]))).ToList();
        var feedbackIds = ids.Select(i => i.FeedbackId).Distinct().ToList();
        var items = (await db.FeedbackFacts.AsNoTracking().Where(f => feedbackIds.Contains(f.FeedbackId)).ToListAsync(ct)).ToDictionary(f => f.FeedbackId);
        var openedACase = (await db.CaseFacts.AsNoTracking().Where(c => feedbackIds.Contains(c.FeedbackId)).Select(c => c.FeedbackId).ToListAsync(ct))
            .ToHashSet();
        return ids.Select(i =>
        {
            var feedback = items.GetValueOrDefault(i.FeedbackId);
            var opened = openedACase.Contains(i.FeedbackId);
            return (i.Entity, (LiveContributionBuilder.ForOrphanFeedback(feedback, opened, now), feedback is { CaseId: null } && !opened ? 1 : 0));
        });
    }
}
