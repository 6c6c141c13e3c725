using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Intake.Tests.Features.ApiKeys;

public sealed class ApiKeyEndpointsTests(IntakeServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admin_creates_a_key_that_is_shown_once_and_listed_without_its_secret()
    {
        using var admin = servers.Client();

        var response = await admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "Survey tool", channel = "survey" }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var key = created.GetProperty("key").GetString()!;
        Assert.StartsWith("qk_", key);
        Assert.Equal("survey", created.GetProperty("channel").GetString());

        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/api-keys", Cancellation)).GetProperty("apiKeys")
            .EnumerateArray().Single(k => k.GetProperty("id").GetString() == created.GetProperty("id").GetString());
        Assert.False(listed.TryGetProperty("key", out _));
        Assert.False(listed.TryGetProperty("hash", out _));
        Assert.DoesNotContain(key, listed.GetRawText());
        Assert.Equal(created.GetProperty("prefix").GetString(), listed.GetProperty("prefix").GetString());
    }

    [Fact]
    public async Task A_key_posts_to_its_own_channel_and_its_last_use_is_recorded()
    {
        var (id, key) = await TestKeys.CreateAsync(servers, "api");
        using var channel = servers.ClientWithKey(key);

        var posted = await channel.PostAsJsonAsync("/api/feedback", new { externalId = $"key-{Guid.NewGuid()}", text = "Great service, thanks!" }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        using var admin = servers.Client();
        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/api-keys/{id}", Cancellation);
        Assert.Equal(JsonValueKind.String, listed.GetProperty("lastUsedAt").ValueKind);
    }

    [Fact]
    public async Task A_key_for_another_channel_is_refused_with_403()
    {
        var (_, key) = await TestKeys.CreateAsync(servers, "survey");
        using var channel = servers.ClientWithKey(key);

        var posted = await channel.PostAsJsonAsync("/api/feedback", new { text = "hello" }, Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal("application/problem+json", posted.Content.Headers.ContentType?.MediaType);
        Assert.Contains("survey", (await posted.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_revoked_key_gets_401_problem_details()
    {
        var (id, key) = await TestKeys.CreateAsync(servers, "api");
        using var admin = servers.Client();
        using var channel = servers.ClientWithKey(key);
        Assert.Equal(HttpStatusCode.Created, (await channel.PostAsJsonAsync("/api/feedback", new { text = "before revocation" }, Cancellation)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/api-keys/{id}", Cancellation)).StatusCode);
        var posted = await channel.PostAsJsonAsync("/api/feedback", new { text = "after revocation" }, Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, posted.StatusCode);
        Assert.Equal("application/problem+json", posted.Content.Headers.ContentType?.MediaType);
        Assert.Contains("revoked", (await posted.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("detail").GetString());
        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/api-keys/{id}", Cancellation);
        Assert.Equal("test-admin", listed.GetProperty("revokedBy").GetString());
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("qk_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task An_unknown_key_gets_401_problem_details(string key)
    {
        using var channel = servers.ClientWithKey(key);

        var posted = await channel.PostAsJsonAsync("/api/feedback", new { text = "hello" }, Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, posted.StatusCode);
        Assert.Equal("application/problem+json", posted.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_key_of_the_right_channel_does_not_open_the_admin_endpoints()
    {
        var (_, key) = await TestKeys.CreateAsync(servers, "api");
        using var channel = servers.ClientWithKey(key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await channel.GetAsync("/api/admin/api-keys", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Only_admins_manage_keys()
    {
        using var supervisor = servers.Client(Roles.Supervisor, team: "t1");

        var response = await supervisor.PostAsJsonAsync("/api/admin/api-keys", new { name = "x", channel = "api" }, Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_channel_or_missing_name_is_a_400_naming_the_field()
    {
        using var admin = servers.Client();

        var unknown = await admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "x", channel = "fax" }, Cancellation);
        var nameless = await admin.PostAsJsonAsync("/api/admin/api-keys", new { channel = "api" }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").TryGetProperty("channel", out _));
        Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);
        Assert.True((await nameless.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Revoking_an_unknown_key_answers_404()
    {
        using var admin = servers.Client();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/admin/api-keys/{Guid.NewGuid()}", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task A_person_with_a_token_still_posts_to_every_channel_endpoint()
    {
        using var agent = servers.Client(Roles.Agent, team: "t1");

        var posted = await agent.PostAsJsonAsync("/api/feedback", new { text = "Where is my order?" }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
    }
}
