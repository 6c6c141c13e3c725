using Google.Protobuf.WellKnownTypes;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Features.Scorecards;
using Quality.ServiceDefaults.Errors;

namespace Quality.Scoring.Grpc;

/// <summary>Scorecards to and from their gRPC messages, with the same words as <c>/api/scorecards</c>.</summary>
internal static class ScorecardMessages
{
    public static ScopeKind ParseScope(string scope) => (scope ?? "").Trim().ToLowerInvariant() switch
    {
        "agent" => ScopeKind.Agent,
        "team" => ScopeKind.Team,
        _ => throw new RequestValidationException("scope", $"'{scope}' has no scorecard; use agent or team"),
    };

    public static ScorecardReport ToReport(ScorecardAnswer answer)
    {
        var report = new ScorecardReport
        {
            Scorecard = answer.Card.Name,
            Scope = answer.Kpis.Scope.Name,
            ScopeId = answer.Kpis.Scope.Id ?? "",
            Period = answer.Kpis.Period.Name,
            From = Timestamp.FromDateTimeOffset(answer.Kpis.Period.From),
            To = Timestamp.FromDateTimeOffset(answer.Kpis.Period.To),
            Source = answer.Kpis.FromRedis ? "redis" : "postgres",
            Degraded = answer.Kpis.Degraded,
            Composite = answer.Score.Composite,
            WeightWithData = answer.Score.WeightWithData,
        };
        report.Parts.Add(answer.Score.Parts.Select(ScorecardPartResponse.From).Select(p => new ScorecardPartReport
        {
            Kpi = p.Kpi,
            Unit = p.Unit,
            Value = p.Value,
            SampleCount = p.SampleCount,
            Worst = p.Worst,
            Best = p.Best,
            Normalised = p.Normalised,
            Weight = p.Weight,
            EffectiveWeight = p.EffectiveWeight,
            Contribution = p.Contribution,
            Note = p.Note ?? "",
        }));
        return report;
    }
}
