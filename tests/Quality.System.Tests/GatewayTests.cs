using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Quality.Contracts;
using Quality.Gateway.Routing;
using Quality.ServiceDefaults.Authentication;
using Quality.Testing;

namespace Quality.SystemTests;

/// <summary>The gateway in front of the real services.</summary>
public sealed partial class GatewayTests(QualitySystem system)
{
    private CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private HttpClient Gateway(string? apiKey = null, string? role = null)
    {
        var client = new HttpClient { BaseAddress = system.App.GetEndpoint(ResourceNames.Gateway, ResourceNames.HttpEndpoint) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", system.Token(role));
        }

        return client;
    }

    [Fact]
    public async Task A_channel_posts_feedback_through_the_gateway_with_its_api_key_and_a_person_sees_the_case_there()
    {
        using var admin = Gateway(role: Roles.Admin);
        var created = await admin.PostAsJsonAsync("/api/admin/api-keys", new { name = $"gateway-{Guid.NewGuid():N}", channel = "api" }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("key").GetString()!;
        using var channel = Gateway(apiKey: key);

        var posted = await channel.PostAsJsonAsync("/api/feedback", new { externalId = $"gateway-{Guid.NewGuid()}", text = "送餐太慢了，饭菜都凉了，非常失望" }, Cancellation);
        using var wrongKey = Gateway(apiKey: key + "x");
        var refused = await wrongKey.PostAsJsonAsync("/api/feedback", new { text = "送餐太慢了" }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var feedbackId = (await posted.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("feedbackId").GetString();
        var cases = await Eventually.Async(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/cases?feedbackId={feedbackId}", Cancellation),
            list => list.TryGetProperty("cases", out var items) && items.GetArrayLength() == 1,
            TimeSpan.FromSeconds(30));
        Assert.Equal("open", cases.GetProperty("cases")[0].GetProperty("status").GetString());
    }

    /// <summary>
    /// Every path in each running service's own OpenAPI document is matched, with ASP.NET Core's route precedence
    /// (which YARP's routes use), to a gateway route leading to that service. The gateway's tests prove each route
    /// reaches its service; this proves no documented path is missing or sent elsewhere. The documents hold the
    /// minimal APIs only (Routing's are all gRPC JSON transcoding, so its document has no paths): the transcoded paths
    /// are checked by the gateway's tests from the protos' <c>google.api.http</c> annotations.
    /// </summary>
    [Theory]
    [InlineData(ResourceNames.Intake)]
    [InlineData(ResourceNames.Routing)]
    [InlineData(ResourceNames.Scoring)]
    [InlineData(ResourceNames.Notifications)]
    public async Task Every_path_in_a_services_openapi_document_is_routed_to_it(string service)
    {
        using var direct = system.HttpClient(service, role: null);
        var document = await direct.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Cancellation);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        var wrong = paths
            .Select(path => (path, route: RouteFor(RouteParameter().Replace(path, "0f8fad5b-d9cb-469f-a165-70867728950e"))))
            .Where(x => x.route?.Service != service)
            .Select(x => $"{x.path} → {x.route?.Id ?? "no route"}")
            .ToList();

        Assert.Empty(wrong);
    }

    private static ServiceRoute? RouteFor(string path) =>
        ServiceRoutes.All
            .Select(route => (route, template: TemplateParser.Parse(route.Path.TrimStart('/'))))
            .Where(x => new TemplateMatcher(x.template, new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary()))
            .OrderBy(x => RoutePrecedence.ComputeInbound(x.template))
            .Select(x => x.route)
            .FirstOrDefault();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
