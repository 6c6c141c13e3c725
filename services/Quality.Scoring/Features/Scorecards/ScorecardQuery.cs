using System.Security.Claims;
using Quality.Scoring.Features.Kpis;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;

namespace Quality.Scoring.Features.Scorecards;

/// <summary>
/// An agent's or team's scorecard: the KPIs read through <see cref="KpiQuery"/> (Redis for live windows, PostgreSQL
/// otherwise or when Redis is away), combined by <see cref="ScorecardCalculator"/>. Access as for the KPIs.
/// </summary>
public sealed class ScorecardQuery(ScorecardCatalog catalog, KpiQuery kpis, KpiFactLoader loader, KpiPeriodResolver periods, TimeProvider time)
{
    public async Task<ScorecardAnswer> GetAsync(
        ClaimsPrincipal user, ScopeKind kind, string? id, string? period, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var card = catalog.For(kind);
        var field = kind == ScopeKind.Agent ? "agentId" : "teamId";
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new RequestValidationException(field, $"the {card.Name} id is required");
        }

        var scope = new KpiScope(kind, id);
        var now = time.GetUtcNow();
        // No period and no interval: the card's own period, not the KPI API's default day.
        var kpiPeriod = periods.Resolve(string.IsNullOrEmpty(period) && from is null && to is null ? card.Period : period, from, to, now);

        // Only someone who may see some scopes of this kind learns whether one exists: an agent asking about a
        // colleague is refused before the lookup.
        var caller = CallerScope.From(user);
        var mayAsk = caller.Team is null || user.IsInRole(Roles.Supervisor) || (kind == ScopeKind.Agent && caller.Subject.Length > 0 && caller.Subject == id);
        if (!mayAsk)
        {
            await kpis.AuthorizeAsync(user, scope, ct);
        }

        var exists = kind == ScopeKind.Agent ? await loader.AgentExistsAsync(id, ct) : await loader.TeamExistsAsync(id, ct);
        if (!exists)
        {
            throw new NotFoundException(kind == ScopeKind.Agent
                ? $"unknown agent '{id}': Scoring has never seen a case assigned to them"
                : $"unknown team '{id}': Scoring has never seen a case opened for or assigned in it");
        }

        await kpis.AuthorizeAsync(user, scope, ct);
        var answer = await kpis.ReadAsync(scope, kpiPeriod, now, ct);
        return new ScorecardAnswer(card, answer, ScorecardCalculator.Compute(card, answer.Results));
    }
}
