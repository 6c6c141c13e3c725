namespace Quality.Scoring.Features.Kpis;

public enum ScopeKind
{
    Org,
    Team,
    Agent,
}
