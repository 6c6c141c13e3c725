using Quality.ServiceDefaults.Authentication;
using Quality.Web.Account;
using Quality.Web.Features.People;

namespace Quality.Web.Tests.Features.People;

public sealed class PeopleScopeTests
{
    [Theory]
    [InlineData(Roles.Admin, null, "org", "")]
    [InlineData(Roles.QualityManager, null, "org", "")]
    [InlineData(Roles.Supervisor, "team-a", "team", "team-a")]
    [InlineData(Roles.Agent, "team-b", "team", "team-b")]
    public void Managers_see_the_organisations_board_and_everyone_else_their_teams(string role, string? team, string board, string teamId) =>
        Assert.Equal(new PeopleScope(board, teamId), PeopleScope.For(PersonClaims.Create("li.lei", role, team, null, PersonClaims.LocalProvider, "Cookies")));
}
