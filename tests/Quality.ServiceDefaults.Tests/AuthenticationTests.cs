using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Quality.ServiceDefaults.Authentication;

namespace Quality.ServiceDefaults.Tests;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _app = TestApp.CreateBuilder().Build();
        _app.MapDefaultEndpoints();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapGet("/me", (HttpContext c) => CallerScope.From(c.User));
        _app.MapGet("/supervisors", () => "ok").RequireAuthorization(Policies.Supervisor);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _client = _app.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Health_answers_anonymously_and_everything_else_does_not()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/alive", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync("/me", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Token_carries_role_and_team_into_the_caller_scope()
    {
        var response = await Send("/me", Token(Roles.Agent, "team-a"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"team\":\"team-a\"", body);
    }

    [Fact]
    public async Task Role_policy_admits_higher_roles_and_refuses_lower_ones()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await Send("/supervisors", Token(Roles.Agent, "team-a"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send("/supervisors", Token(Roles.Supervisor, "team-a"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send("/supervisors", Token(Roles.QualityManager))).StatusCode);
    }

    [Fact]
    public async Task Forged_and_expired_tokens_are_refused()
    {
        var forged = TokenFactory.Create(new AuthOptions { SigningKey = Convert.ToBase64String(new byte[32]) }, "mallory", Roles.Admin);
        var expired = TokenFactory.Create(new AuthOptions { SigningKey = TestApp.SigningKey }, "late", Roles.Admin, lifetime: TimeSpan.FromMinutes(-5));

        Assert.Equal(HttpStatusCode.Unauthorized, (await Send("/me", forged)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send("/me", expired)).StatusCode);
    }

    [Fact]
    public void Unknown_role_cannot_be_issued()
    {
        var error = Assert.Throws<ArgumentException>(() => TokenFactory.Create(new AuthOptions { SigningKey = TestApp.SigningKey }, "x", "superuser"));

        Assert.Contains("Unknown role 'superuser'", error.Message);
    }

    [Fact]
    public void Quality_managers_see_every_team_and_agents_only_their_own()
    {
        var agent = CallerScope.From(Principal(Roles.Agent, "team-a"));
        var manager = CallerScope.From(Principal(Roles.QualityManager, null));
        var teamless = CallerScope.From(Principal(Roles.Supervisor, null));

        Assert.True(agent.CanSee("team-a"));
        Assert.False(agent.CanSee("team-b"));
        Assert.True(manager.CanSee("team-b"));
        Assert.False(teamless.CanSee("team-a"));
    }

    private static System.Security.Claims.ClaimsPrincipal Principal(string role, string? team)
    {
        var claims = new List<System.Security.Claims.Claim> { new(QualityClaims.Role, role), new(QualityClaims.Subject, "someone") };
        if (team is not null)
        {
            claims.Add(new(QualityClaims.Team, team));
        }

        return new(new System.Security.Claims.ClaimsIdentity(claims, "test", QualityClaims.Subject, QualityClaims.Role));
    }

    private static string Token(string role, string? team = null) =>
        TokenFactory.Create(new AuthOptions { SigningKey = TestApp.SigningKey }, "someone", role, team);

    private Task<HttpResponseMessage> Send(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
