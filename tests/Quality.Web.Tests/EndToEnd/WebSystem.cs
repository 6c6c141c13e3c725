using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Quality.Contracts;
using Quality.Hosting;
using Quality.ServiceDefaults.Authentication;
using Quality.Testing;
using Quality.Web.Account;

[assembly: AssemblyFixture(typeof(Quality.Web.Tests.EndToEnd.WebSystem))]
[assembly: AssemblyFixture(typeof(Quality.Web.Tests.EndToEnd.Browsers))]
// One browser at a time: the machine has two cores and the system under test runs on them too.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Quality.Web.Tests.EndToEnd;

/// <summary>
/// The whole system (<see cref="SystemUnderTest"/>) plus the web dashboard, started once for the test assembly,
/// with the people the tests sign in as declared the way an operator declares them (<c>Web:Users</c>).
/// </summary>
public sealed class WebSystem : IAsyncLifetime
{
    public static readonly TestPerson Admin = new("admin", Roles.Admin, null, null, NewPassword());
    public static readonly TestPerson Supervisor = new("lin.supervisor", Roles.Supervisor, "team-a", "zh", NewPassword());

    /// <summary>An agent of team-a; their name is their agent id in Routing (the queue tests create them there).</summary>
    public static readonly TestPerson Agent = new("queue.agent.one", Roles.Agent, "team-a", "en", NewPassword());

    /// <summary>Used only by the throttling test, so locking it out holds nobody else up.</summary>
    public static readonly TestPerson Guessed = new("guessed.agent", Roles.Agent, "team-a", "en", NewPassword());

    public const int FailuresPerName = 3;

    private SystemUnderTest? _system;
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The system has not started.");

    public Uri WebAddress => App.GetEndpoint(ResourceNames.Web, ResourceNames.HttpEndpoint);

    public async ValueTask InitializeAsync()
    {
        _system = SystemUnderTest.Declare();
        var web = _system.Builder.AddProject(ResourceNames.Web, "services/Quality.Web/Quality.Web.csproj")
            .WithReference(_system.Scoring).WaitFor(_system.Scoring)
            .WithReference(_system.Routing).WaitFor(_system.Routing)
            .WithReference(_system.Notifications).WaitFor(_system.Notifications)
            .WithReference(_system.Intake).WaitFor(_system.Intake)
            .WithEnvironment("Auth__SigningKey", _system.SigningKey)
            .WithEnvironment("Web__SignInFailuresPerName", FailuresPerName.ToString(CultureInfo.InvariantCulture));
        TestPerson[] people = [Admin, Supervisor, Guessed, Agent];
        for (var i = 0; i < people.Length; i++)
        {
            var person = people[i];
            web.WithEnvironment($"Web__Users__{i}__Name", person.Name)
                .WithEnvironment($"Web__Users__{i}__Role", person.Role)
                .WithEnvironment($"Web__Users__{i}__PasswordHash", PasswordHashes.Hash(person.Password));
            if (person.Team is not null)
            {
                web.WithEnvironment($"Web__Users__{i}__Team", person.Team);
            }

            if (person.Language is not null)
            {
                web.WithEnvironment($"Web__Users__{i}__Language", person.Language);
            }
        }

        _app = _system.Builder.Build();
        await _app.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Posts one feedback item to Intake's API channel as an admin would; answers its kind.</summary>
    public async Task<string> PostFeedbackAsync(string text, CancellationToken ct) =>
        (await SubmitFeedbackAsync(text, ct)).GetProperty("kind").GetString()!;

    /// <summary>Posts a complaint and waits until Routing has opened its case; answers the case id.</summary>
    public async Task<string> PostComplaintAsync(string text, CancellationToken ct)
    {
        var submitted = await SubmitFeedbackAsync(text, ct);
        Assert.Equal("complaint", submitted.GetProperty("kind").GetString());
        var feedbackId = submitted.GetProperty("feedbackId").GetString();
        using var routing = _system!.HttpClient(App, ResourceNames.Routing);
        var found = await Eventually.Async(
            () => routing.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/cases?feedback_id={feedbackId}", ct),
            page => page.TryGetProperty("cases", out var cases) && cases.GetArrayLength() > 0,
            TimeSpan.FromSeconds(60));
        return found.GetProperty("cases")[0].GetProperty("caseId").GetString()!;
    }

    /// <summary>Creates or replaces an agent in Routing (offline, so nothing is routed to them by itself).</summary>
    public async Task UpsertAgentAsync(string agentId, string team, int capacity, CancellationToken ct)
    {
        using var routing = _system!.HttpClient(App, ResourceNames.Routing);
        (await routing.PutAsJsonAsync($"/api/teams/{team}", new { name = "Team " + team }, ct)).EnsureSuccessStatusCode();
        using var response = await routing.PutAsJsonAsync(
            $"/api/agents/{agentId}", new { teamId = team, displayName = agentId, categories = new[] { "other" }, languages = new[] { "zh" }, capacity }, ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Sets a goal in Scoring as an admin (30 days from now); answers its id.</summary>
    public async Task<string> CreateGoalAsync(string metric, double target, string scope, string scopeId, CancellationToken ct)
    {
        using var scoring = _system!.HttpClient(App, ResourceNames.Scoring);
        using var response = await scoring.PostAsJsonAsync(
            "/api/goals", new { metric, target, scope, scopeId, deadline = DateTimeOffset.UtcNow.AddDays(30) }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("id").GetString()!;
    }

    /// <summary>Posts one feedback item to Intake's API channel; answers its id.</summary>
    public async Task<string> PostFeedbackForIdAsync(string text, CancellationToken ct) =>
        (await SubmitFeedbackAsync(text, ct)).GetProperty("feedbackId").GetString()!;

    /// <summary>As an admin in Routing: gives the case to the agent (and so to the agent's team).</summary>
    public async Task AssignAsync(string caseId, string agentId, CancellationToken ct)
    {
        using var routing = _system!.HttpClient(App, ResourceNames.Routing);
        (await routing.PostAsJsonAsync($"/api/cases/{caseId}/assign", new { agentId }, ct)).EnsureSuccessStatusCode();
    }

    /// <summary>As an admin in Routing: gives the case to the agent, answers the customer and resolves it.</summary>
    public async Task AssignAndResolveAsync(string caseId, string agentId, CancellationToken ct)
    {
        await AssignAsync(caseId, agentId, ct);
        using var routing = _system!.HttpClient(App, ResourceNames.Routing);
        (await routing.PostAsJsonAsync($"/api/cases/{caseId}/responses", new { note = "sorry" }, ct)).EnsureSuccessStatusCode();
        (await routing.PostAsJsonAsync($"/api/cases/{caseId}/resolve", new { note = "refunded" }, ct)).EnsureSuccessStatusCode();
    }

    /// <summary>A client of Scoring's people-facing API signed in as <paramref name="subject"/> (QA reviews need a reviewer).</summary>
    public HttpClient ScoringAs(string subject, string role)
    {
        var client = _system!.HttpClient(App, ResourceNames.Scoring, role: null);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _system.Token(role, subject: subject));
        return client;
    }

    /// <summary>Each item from its own customer: a second complaint from one customer joins their open case.</summary>
    private async Task<System.Text.Json.JsonElement> SubmitFeedbackAsync(string text, CancellationToken ct)
    {
        using var intake = _system!.HttpClient(App, ResourceNames.Intake);
        using var response = await intake.PostAsJsonAsync("/api/feedback", new { externalId = $"web-{Guid.NewGuid()}", text, customerId = $"c-web-{Guid.NewGuid():N}" }, ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct);
    }

    /// <summary>Posts a survey answer (csat, nps or ces) to Intake's survey channel.</summary>
    public async Task PostSurveyAsync(string type, int score, CancellationToken ct)
    {
        using var intake = _system!.HttpClient(App, ResourceNames.Intake);
        using var response = await intake.PostAsJsonAsync(
            "/api/surveys", new { type, score, externalId = $"web-survey-{Guid.NewGuid()}", customerId = "c-web" }, ct);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
}
