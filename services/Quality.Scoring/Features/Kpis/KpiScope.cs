using Quality.ServiceDefaults.Errors;

namespace Quality.Scoring.Features.Kpis;

/// <summary>Whose KPIs: the whole organisation, one team or one agent.</summary>
public sealed record KpiScope(ScopeKind Kind, string? Id)
{
    public static readonly KpiScope Organisation = new(ScopeKind.Org, null);

    public static KpiScope Team(string id) => new(ScopeKind.Team, id);

    public static KpiScope Agent(string id) => new(ScopeKind.Agent, id);

    /// <summary>
    /// Reads <c>scope</c> and <c>scope_id</c> as the API receives them; an empty scope is the organisation. Errors
    /// name the fields as the caller spelled them (<paramref name="scopeField"/>, <paramref name="scopeIdField"/>).
    /// </summary>
    public static KpiScope Parse(string? scope, string? scopeId, string scopeField = "scope", string scopeIdField = "scope_id")
    {
        var kind = (scope ?? "").Trim().ToLowerInvariant() switch
        {
            "" or "org" => ScopeKind.Org,
            "team" => ScopeKind.Team,
            "agent" => ScopeKind.Agent,
            _ => throw new RequestValidationException(scopeField, $"unknown scope '{scope}'; use org, team or agent"),
        };
        if (kind == ScopeKind.Org)
        {
            return string.IsNullOrEmpty(scopeId)
                ? Organisation
                : throw new RequestValidationException(scopeIdField, $"the org scope takes no {scopeIdField}");
        }

        return string.IsNullOrWhiteSpace(scopeId)
            ? throw new RequestValidationException(scopeIdField, $"the {kind.ToString().ToLowerInvariant()} scope needs a {scopeIdField}")
            : new KpiScope(kind, scopeId);
    }

    public string Name => Kind.ToString().ToLowerInvariant();

    public bool Includes(string? agentId, string? teamId) => Kind switch
    {
        ScopeKind.Org => true,
        ScopeKind.Team => teamId == Id,
        _ => agentId == Id,
    };
}
