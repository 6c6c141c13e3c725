using System.Globalization;
using Quality.Scoring.Features.Kpis;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>A live window's KPIs for a scope, from Redis, with the definitions <see cref="KpiCalculator"/> uses.</summary>
public sealed class LiveKpiReader(LiveStore store)
{
    /// <summary>The KPIs, or null when the live values are not complete (then PostgreSQL must answer).</summary>
    public async Task<IReadOnlyList<KpiResult>?> ReadAsync(LiveWindow window, KpiScope scope, DateTimeOffset now)
    {
        if (await store.ReadWindowAsync(window, ScopeKey(scope), now) is not { } values)
        {
            return null;
        }

        long Count(string field) => values.TryGetValue(field, out var v) ? long.Parse(v, CultureInfo.InvariantCulture) : 0;
        double? Seconds(string field) => values.TryGetValue(field, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : null;

        var firstResponses = Count("frt_count");
        var resolutions = Count(LiveFields.Resolutions);
        var backlog = Count("state_" + LiveFields.Backlog);
        return
        [
            KpiCalculator.Share(KpiDefinitions.CsatPercent, Count(LiveFields.CsatSatisfied), Count(LiveFields.CsatAnswers)),
            KpiCalculator.NetPromoterScore(Count(LiveFields.NpsPromoters), Count(LiveFields.NpsDetractors), Count(LiveFields.NpsAnswers)),
            KpiCalculator.Average(KpiDefinitions.CesAverage, Count(LiveFields.CesSum), Count(LiveFields.CesAnswers)),
            new(KpiDefinitions.FirstResponseP50, Seconds("frt_p50"), firstResponses),
            new(KpiDefinitions.FirstResponseP90, Seconds("frt_p90"), firstResponses),
            new(KpiDefinitions.ResolutionP50, Seconds("res_p50"), Count("res_count")),
            new(KpiDefinitions.ResolutionP90, Seconds("res_p90"), Count("res_count")),
            KpiCalculator.Share(KpiDefinitions.FirstContactResolution, Count(LiveFields.FirstContactResolutions), resolutions),
            KpiCalculator.Share(KpiDefinitions.SlaCompliance, Count(LiveFields.SlaMet), resolutions),
            KpiCalculator.Share(KpiDefinitions.ReopenRate, Count(LiveFields.Reopens), resolutions),
            new(KpiDefinitions.Backlog, backlog, backlog),
            KpiCalculator.Share(KpiDefinitions.ComplaintRate, Count(LiveFields.Complaints), Count(LiveFields.FeedbackItems)),
            KpiCalculator.QaScore(Count(LiveFields.QaMicroPoints), Count(LiveFields.QaReviews)),
        ];
    }

    public static string ScopeKey(KpiScope scope) => scope.Kind switch
    {
        ScopeKind.Team => LiveKeys.Team(scope.Id!),
        ScopeKind.Agent => LiveKeys.Agent(scope.Id!),
        _ => LiveKeys.Organisation,
    };
}
