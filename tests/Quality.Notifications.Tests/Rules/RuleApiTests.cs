using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quality.Notifications.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Notifications.Tests.Rules;

public sealed class RuleApiTests(NotificationsServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    // A role rule hears every team's events: it names one no other test publishes, or while it exists it would add
    // alerts to their events (this broke A_duplicated_event_makes_one_alert_and_one_delivery under load).
    private static object Rule(string name, string url, string channel = "webhook", string en = "Case {caseId}") => new
    {
        name,
        eventTypes = new[] { "CaseEscalated" },
        minSeverity = 2,
        scope = new { kind = "role", value = "supervisor" },
        channel,
        webhookUrl = url,
        templates = new { zh = "案件 {caseId}", en },
    };

    [Fact]
    public async Task A_manager_creates_a_rule_sees_its_secret_once_and_can_delete_it()
    {
        var manager = servers.Notifications.QualityManager();
        var name = $"rule-{Guid.NewGuid():N}";

        var created = await manager.PostAsJsonAsync("/api/rules", Rule(name, "http://127.0.0.1:9/hook"), Cancellation);
        var json = await created.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("whsec_", json.GetProperty("webhookSecret").GetString());

        var id = json.GetProperty("id").GetGuid();
        var read = await manager.GetFromJsonAsync<JsonElement>($"/api/rules/{id}", Cancellation);
        Assert.Equal(name, read.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("webhookSecret").ValueKind);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/rules/{id}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/rules/{id}", Cancellation)).StatusCode);
    }

    [Theory]
    [InlineData("webhook", "http://169.254.169.254/", "Case {caseId}", "webhookUrl")]
    [InlineData("webhook", "gopher://127.0.0.1/", "Case {caseId}", "webhookUrl")]
    [InlineData("sms", "http://127.0.0.1:9/", "Case {caseId}", "channel")]
    [InlineData("webhook", "http://127.0.0.1:9/", "Case {caseID}", "templates.en")]
    public async Task Bad_input_is_400_naming_the_field_and_stores_nothing(string channel, string url, string en, string field)
    {
        var manager = servers.Notifications.QualityManager();
        var name = $"bad-{Guid.NewGuid():N}";

        var response = await manager.PostAsJsonAsync("/api/rules", Rule(name, url, channel, en), Cancellation);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var all = await manager.GetFromJsonAsync<JsonElement>("/api/rules", Cancellation);
        Assert.DoesNotContain(all.EnumerateArray(), r => r.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task Supervisors_and_agents_may_not_manage_rules()
    {
        var supervisor = servers.Notifications.ClientFor("sup-1", Roles.Supervisor, "t1");

        var response = await supervisor.PostAsJsonAsync("/api/rules", Rule("x", "http://127.0.0.1:9/"), Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
