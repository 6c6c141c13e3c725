using Quality.ServiceDefaults.Authentication;
using Quality.Web.Account;
using Quality.Web.Features.Overview;

namespace Quality.Web.Tests.Features.Overview;

public sealed class OverviewScopeTests
{
    [Theory]
    [InlineData(Roles.Admin, null, "org", "")]
    [InlineData(Roles.QualityManager, null, "org", "")]
    [InlineData(Roles.Supervisor, "team-a", "team", "team-a")]
    [InlineData(Roles.Agent, "team-a", "agent", "li.lei")]
    public void Each_role_sees_its_own_scope(string role, string? team, string scope, string scopeId) =>
        Assert.Equal(new OverviewScope(scope, scopeId), OverviewScope.For(PersonClaims.Create("li.lei", role, team, null, PersonClaims.LocalProvider, "Cookies")));
}
