using Microsoft.Extensions.Options;
using Quality.Scoring.Features.Kpis;

namespace Quality.Scoring.Features.Scorecards;

/// <summary>The configured scorecards, built once from options that passed validation at start.</summary>
public sealed class ScorecardCatalog(IOptions<ScorecardOptions> options)
{
    public Scorecard Agent { get; } = ScorecardValidator.Build(nameof(ScorecardOptions.Agent), options.Value.Agent);

    public Scorecard Team { get; } = ScorecardValidator.Build(nameof(ScorecardOptions.Team), options.Value.Team);

    public Scorecard For(ScopeKind kind) => kind switch
    {
        ScopeKind.Agent => Agent,
        ScopeKind.Team => Team,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "only agents and teams have scorecards"),
    };
}
