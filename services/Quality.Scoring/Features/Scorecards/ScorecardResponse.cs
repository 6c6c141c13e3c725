namespace Quality.Scoring.Features.Scorecards;

/// <summary>A scorecard as <c>/api/scorecards</c> answers it; <see cref="Composite"/> is null when no KPI had data.</summary>
public sealed record ScorecardResponse(
    string Scorecard, string Scope, string ScopeId, string Period, DateTimeOffset From, DateTimeOffset To, string Source, bool Degraded,
    double? Composite, double WeightWithData, IReadOnlyList<ScorecardPartResponse> Parts)
{
    public static ScorecardResponse Of(ScorecardAnswer answer) => new(
        answer.Card.Name, answer.Kpis.Scope.Name, answer.Kpis.Scope.Id ?? "", answer.Kpis.Period.Name, answer.Kpis.Period.From, answer.Kpis.Period.To,
        answer.Kpis.FromRedis ? "redis" : "postgres", answer.Kpis.Degraded, answer.Score.Composite, answer.Score.WeightWithData,
        [.. answer.Score.Parts.Select(ScorecardPartResponse.From)]);
}
