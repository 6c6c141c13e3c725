using Quality.Scoring.Features.Kpis;
using Quality.ServiceDefaults.Errors;

namespace Quality.Scoring.Tests.Features.Kpis;

public sealed class KpiScopeTests
{
    [Theory]
    [InlineData("", "", ScopeKind.Org, null)]
    [InlineData("org", "", ScopeKind.Org, null)]
    [InlineData("Team", "t1", ScopeKind.Team, "t1")]
    [InlineData("agent", "a1", ScopeKind.Agent, "a1")]
    public void Scopes_parse(string scope, string scopeId, ScopeKind kind, string? id) =>
        Assert.Equal(new KpiScope(kind, id), KpiScope.Parse(scope, scopeId));

    [Theory]
    [InlineData("galaxy", "", "scope")]
    [InlineData("team", "", "scope_id")]
    [InlineData("agent", " ", "scope_id")]
    [InlineData("org", "t1", "scope_id")]
    public void Bad_scopes_name_the_field(string scope, string scopeId, string field) =>
        Assert.Equal([field], Assert.Throws<RequestValidationException>(() => KpiScope.Parse(scope, scopeId)).Errors.Keys);
}
