using Quality.ServiceDefaults.Authentication;
using Quality.Web.Account;
using Quality.Web.Features.Queue;

namespace Quality.Web.Tests.Features.Queue;

public sealed class CaseRolesTests
{
    [Theory]
    [InlineData(Roles.Agent, false)]
    [InlineData(Roles.Supervisor, true)]
    [InlineData(Roles.QualityManager, true)]
    [InlineData(Roles.Admin, true)]
    public void Supervisors_and_above_are_offered_assignment(string role, bool offered) =>
        Assert.Equal(offered, CaseRoles.MayAssign(PersonClaims.Create("p", role, "team-a", null, PersonClaims.LocalProvider, "test")));
}
