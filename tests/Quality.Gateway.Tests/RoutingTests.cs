using System.Net;
using System.Net.Http.Json;
using Quality.Contracts;

namespace Quality.Gateway.Tests;

public sealed class RoutingTests(StandIns standIns) : IAsyncDisposable
{
    private GatewayHost Gateway { get; } = new(standIns);

    [Fact]
    public async Task Every_documented_path_of_every_service_reaches_that_service()
    {
        using var client = Gateway.Client(apiKey: "a-channel-key");
        var paths = DocumentedPaths.All().ToList();
        Assert.True(DocumentedPaths.FromProtos().Count() >= 30, "the proto annotations were not found");
        var wrong = new List<string>();
        foreach (var (service, method, path) in paths)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT")
            {
                request.Content = JsonContent.Create(new { probe = true });
            }

            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var answeredBy = response.Headers.TryGetValues(StandIn.Header, out var names) ? names.Single() : $"the gateway ({(int)response.StatusCode})";
            if (answeredBy != service)
            {
                wrong.Add($"{method} {path} → {answeredBy}, expected {service}");
            }
        }

        Assert.Empty(wrong);
        Assert.Contains(paths, p => p.Service == ResourceNames.Notifications);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/queue?team=t1")]
    [InlineData("/account/signin")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_blazor/negotiate?negotiateVersion=1")]
    public async Task Everything_outside_the_APIs_is_the_dashboard_without_credentials(string path)
    {
        using var client = Gateway.Client();

        var echo = await client.GetFromJsonAsync<Echo>(path, TestContext.Current.CancellationToken);

        Assert.Equal(ResourceNames.Web, echo!.Service);
        Assert.Equal(path, echo.Path);
    }

    [Fact]
    public async Task Path_and_query_reach_the_service_unchanged()
    {
        using var client = Gateway.Client(apiKey: "k");

        var echo = await client.GetFromJsonAsync<Echo>("/api/cases?status=open&teamId=t%201", TestContext.Current.CancellationToken);

        Assert.Equal(new Echo(ResourceNames.Routing, "GET", "/api/cases?status=open&teamId=t%201", echo!.Host, "http", "127.0.0.1", 0), echo);
    }

    [Theory]
    [InlineData("/api/unknown")]
    [InlineData("/api/surveys/other")]
    [InlineData("/api")]
    public async Task An_api_path_no_service_has_is_404_from_the_gateway(string path)
    {
        using var client = Gateway.Client(apiKey: "k");

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains(StandIn.Header));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    [InlineData("/openapi/v1.json")]
    public async Task The_services_health_and_openapi_documents_are_not_proxied(string path)
    {
        using var client = Gateway.Client(apiKey: "k");

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.False(response.Headers.Contains(StandIn.Header), $"{path} was answered by {string.Join(",", response.Headers.TryGetValues(StandIn.Header, out var v) ? v : [])}");
    }

    [Fact]
    public async Task A_service_that_is_down_is_a_502_problem()
    {
        // A free port nobody listens on.
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var gateway = new GatewayHost(standIns, new() { ["services:scoring:http:0"] = $"http://127.0.0.1:{port}" });
        using var client = gateway.Client(apiKey: "k");

        using var response = await client.GetAsync("/api/kpis", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public ValueTask DisposeAsync() => Gateway.DisposeAsync();
}
