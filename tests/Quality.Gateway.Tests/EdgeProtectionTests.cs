using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Quality.Contracts;

namespace Quality.Gateway.Tests;

public sealed class EdgeProtectionTests(StandIns standIns) : IAsyncDisposable
{
    private GatewayHost Gateway { get; } = new(standIns);

    [Theory]
    [InlineData("POST", "/api/feedback")]
    [InlineData("GET", "/api/cases")]
    [InlineData("GET", "/api/kpis")]
    [InlineData("GET", "/api/alerts")]
    [InlineData("POST", "/api/webhooks/reviews/trustpilot")]
    [InlineData("POST", "/api/surveys")]
    [InlineData("GET", "/api/surveys/invitations")]
    public async Task An_api_call_without_credentials_is_401_and_never_reaches_the_service(string method, string path)
    {
        using var client = Gateway.Client();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains(StandIn.Header));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_blank_credential_header_counts_as_none()
    {
        using var client = Gateway.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/cases");
        request.Headers.TryAddWithoutValidation("X-Api-Key", " ");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Credentials_are_passed_on_for_the_service_to_judge()
    {
        // Not a valid token: whether it is valid is the service's decision, the gateway only needs one to be there.
        using var bearer = Gateway.Client(bearer: "not-a-valid-token");
        using var keyed = Gateway.Client(apiKey: "some-key");

        var byBearer = await bearer.GetFromJsonAsync<Echo>("/api/cases", TestContext.Current.CancellationToken);
        var byKey = await keyed.PostAsJsonAsync("/api/feedback", new { text = "x" }, TestContext.Current.CancellationToken);

        Assert.Equal(ResourceNames.Routing, byBearer!.Service);
        Assert.Equal(HttpStatusCode.OK, byKey.StatusCode);
        Assert.Equal(ResourceNames.Intake, (await byKey.Content.ReadFromJsonAsync<Echo>(TestContext.Current.CancellationToken))!.Service);
    }

    [Theory]
    [InlineData("GET", "/surveys/answer?t=signed-token")]
    [InlineData("POST", "/surveys/answer")]
    [InlineData("POST", "/api/surveys/answer")]
    public async Task The_survey_answer_link_is_anonymous_as_in_Intake(string method, string path)
    {
        using var client = Gateway.Client();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { score = 5 }) : null }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ResourceNames.Intake, (await response.Content.ReadFromJsonAsync<Echo>(TestContext.Current.CancellationToken))!.Service);
    }

    [Theory]
    [InlineData("application/grpc", "/quality.intake.v1.IntakeService/GetFeedback")]
    [InlineData("application/grpc+proto", "/api/cases")]
    [InlineData("application/grpc-web", "/quality.routing.v1.RoutingService/ListCases")]
    [InlineData("Application/GRPC", "/")]
    public async Task Grpc_is_refused_whatever_the_path(string contentType, string path)
    {
        using var client = Gateway.Client(apiKey: "k");
        var content = new ByteArrayContent([0, 0, 0, 0, 0]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await client.PostAsync(path, content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.False(response.Headers.Contains(StandIn.Header));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("gRPC is internal", problem.GetProperty("detail").GetString());
    }

    public ValueTask DisposeAsync() => Gateway.DisposeAsync();
}
