using Quality.Contracts.Intake;
using Quality.Scoring.Features.QaReviews;

namespace Quality.Scoring.Features.Kpis;

/// <summary>
/// Computes every KPI in <see cref="KpiDefinitions"/> from facts, for one scope and period. Pure: the same
/// facts give the same answer whatever order they arrived in.
/// </summary>
public static class KpiCalculator
{
    public static IReadOnlyList<KpiResult> Compute(KpiFacts facts, KpiScope scope, KpiPeriod period)
    {
        var cases = new CaseAttribution(facts);

        bool CaseInScope(Guid? caseId) => caseId is { } id
            ? scope.Includes(cases.Of(id).AgentId, cases.Of(id).TeamId)
            : scope.Kind == ScopeKind.Org;

        var surveys = facts.Surveys.Where(s => period.Contains(s.AnsweredAt) && CaseInScope(s.CaseId)).ToList();
        var csat = surveys.Where(s => s.SurveyType == SurveyType.Csat).Select(s => s.Score).ToList();
        var nps = surveys.Where(s => s.SurveyType == SurveyType.Nps).Select(s => s.Score).ToList();
        var ces = surveys.Where(s => s.SurveyType == SurveyType.Ces).Select(s => s.Score).ToList();

        var firstResponses = facts.Responses
            .Where(r => r.IsFirstResponse && period.Contains(r.RespondedAt))
            .Where(r => InScope(scope, cases.Of(r.CaseId, r.AgentId, r.TeamId)))
            .Select(r => r.ResponseTime.TotalSeconds).ToList();

        var resolutions = facts.Resolutions
            .Where(r => period.Contains(r.ResolvedAt) && InScope(scope, cases.Of(r.CaseId, r.AgentId, r.TeamId)))
            .ToList();
        var resolutionTimes = resolutions.Select(r => r.ResolutionTime.TotalSeconds).ToList();

        var reopens = facts.Reopens
            .Count(r => period.Contains(r.ReopenedAt) && InScope(scope, cases.Of(r.CaseId, r.AgentId, r.TeamId)));

        var feedback = facts.Feedback.Where(f => period.Contains(f.ReceivedAt) && CaseInScope(cases.CaseOfFeedback(f))).ToList();

        var reviews = QaScores(facts.Reviews, scope, period);

        var backlog = Backlog(facts, period.To, id => CaseInScope(id));

        return
        [
            Share(KpiDefinitions.CsatPercent, csat.Count(s => s >= 4), csat.Count),
            NetPromoterScore(nps.Count(s => s >= 9), nps.Count(s => s <= 6), nps.Count),
            Average(KpiDefinitions.CesAverage, ces.Sum(), ces.Count),
            new(KpiDefinitions.FirstResponseP50, Percentile(firstResponses, 0.5), firstResponses.Count),
            new(KpiDefinitions.FirstResponseP90, Percentile(firstResponses, 0.9), firstResponses.Count),
            new(KpiDefinitions.ResolutionP50, Percentile(resolutionTimes, 0.5), resolutionTimes.Count),
            new(KpiDefinitions.ResolutionP90, Percentile(resolutionTimes, 0.9), resolutionTimes.Count),
            Share(KpiDefinitions.FirstContactResolution, resolutions.Count(r => r.FirstContactResolution), resolutions.Count),
            Share(KpiDefinitions.SlaCompliance, resolutions.Count(r => r.SlaMet), resolutions.Count),
            Share(KpiDefinitions.ReopenRate, reopens, resolutions.Count),
            new(KpiDefinitions.Backlog, backlog, backlog),
            Share(KpiDefinitions.ComplaintRate, feedback.Count(f => f.Kind == FeedbackKind.Complaint), feedback.Count),
            QaScore(reviews),
        ];
    }

    /// <summary>
    /// Nearest rank: the smallest value with at least <paramref name="p"/> of the sample at or below it. Always a
    /// value that occurred, so "p90 = 4 h" means a real case took 4 h.
    /// </summary>
    public static double? Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    /// <summary>
    /// The final scores of the reviews made in the period, for the agent and team the review was made for (not the
    /// case's attribution today: a review judges the reviewed agent's work). Calibration reviews are not facts.
    /// </summary>
    public static IReadOnlyList<double> QaScores(IEnumerable<QaReview> reviews, KpiScope scope, KpiPeriod period) =>
        [.. reviews.Where(r => r.CalibrationId is null && period.Contains(r.ReviewedAt) && scope.Includes(r.AgentId, r.TeamId)).Select(r => r.FinalScore)];

    public static KpiResult QaScore(IReadOnlyCollection<double> scores) => QaScore(scores.Sum(QaMicroPoints), scores.Count);

    /// <summary>
    /// The average from the sum of scores in millionths of a point: the live values add whole numbers in Redis, so
    /// both paths sum the same integers and give the same figure to the last digit.
    /// </summary>
    public static KpiResult QaScore(long microPoints, long reviews) =>
        new(KpiDefinitions.QaScore, reviews == 0 ? null : microPoints / 1e6 / reviews, reviews);

    public static long QaMicroPoints(double score) => (long)Math.Round(score * 1e6, MidpointRounding.AwayFromZero);

    private static bool InScope(KpiScope scope, (string? AgentId, string? TeamId) owner) => scope.Includes(owner.AgentId, owner.TeamId);

    /// <summary>A percentage of a count; shared with the live values so both compute it the same way.</summary>
    public static KpiResult Share(KpiDefinition definition, long part, long whole) =>
        new(definition, whole == 0 ? null : 100.0 * part / whole, whole);

    public static KpiResult NetPromoterScore(long promoters, long detractors, long answers) =>
        new(KpiDefinitions.Nps, answers == 0 ? null : 100.0 * (promoters - detractors) / answers, answers);

    public static KpiResult Average(KpiDefinition definition, long sum, long count) =>
        new(definition, count == 0 ? null : (double)sum / count, count);

    /// <summary>
    /// Cases open at <paramref name="end"/>: opened before it, and their last resolve or reopen before it (by the
    /// event's own time) is not a resolve (a reopen at the same instant as a resolve comes after it). A resolve that arrived before the case's opening still counts once both are in.
    /// </summary>
    private static int Backlog(KpiFacts facts, DateTimeOffset end, Func<Guid, bool> inScope)
    {
        var lastChange = facts.Resolutions.Where(r => r.ResolvedAt < end).Select(r => (r.CaseId, At: r.ResolvedAt, Resolved: true))
            .Concat(facts.Reopens.Where(r => r.ReopenedAt < end).Select(r => (r.CaseId, At: r.ReopenedAt, Resolved: false)))
            .GroupBy(c => c.CaseId)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.At).ThenBy(c => c.Resolved ? 0 : 1).Last().Resolved);

        return facts.Cases.Count(c => c.OpenedAt < end
            && !(lastChange.TryGetValue(c.CaseId, out var resolved) && resolved)
            && inScope(c.CaseId));
    }
}
