using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quality.Gateway.Routing;

namespace Quality.Gateway.Tests;

public sealed class BodyLimitTests(StandIns standIns) : IAsyncDisposable
{
    private const int DefaultBytes = 4 * 1024;
    private const int ImportBytes = 64 * 1024;

    private GatewayHost Gateway { get; } = new(standIns, new()
    {
        ["Gateway:BodyLimits:DefaultBytes"] = $"{DefaultBytes}",
        [$"Gateway:BodyLimits:Routes:{ServiceRoutes.Imports}"] = $"{ImportBytes}",
    });

    /// <summary>
    /// Sends <c>Expect: 100-continue</c>, as uploaders do for large bodies: a body refused on its declared length is
    /// then never sent, rather than racing the early answer.
    /// </summary>
    private HttpClient Client()
    {
        var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) }) { BaseAddress = Gateway.Address };
        client.DefaultRequestHeaders.ExpectContinue = true;
        client.DefaultRequestHeaders.Add("X-Api-Key", "k");
        return client;
    }

    [Fact]
    public async Task A_body_over_the_default_limit_is_413_naming_the_setting()
    {
        using var client = Client();

        using var response = await client.PostAsync("/api/feedback", new ByteArrayContent(new byte[DefaultBytes + 1]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(response.Headers.Contains(StandIn.Header));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("Gateway:BodyLimits:DefaultBytes", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_at_the_limit_passes_whole()
    {
        using var client = Client();

        using var response = await client.PostAsync("/api/feedback", new ByteArrayContent(new byte[DefaultBytes]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DefaultBytes, (await response.Content.ReadFromJsonAsync<Echo>(TestContext.Current.CancellationToken))!.BodyBytes);
    }

    [Fact]
    public async Task A_route_override_admits_a_bigger_upload_and_is_413_above_its_own_limit()
    {
        using var client = Client();

        using var accepted = await client.PostAsync("/api/imports", new ByteArrayContent(new byte[ImportBytes]), TestContext.Current.CancellationToken);
        using var refused = await client.PostAsync("/api/imports", new ByteArrayContent(new byte[ImportBytes + 1]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(ImportBytes, (await accepted.Content.ReadFromJsonAsync<Echo>(TestContext.Current.CancellationToken))!.BodyBytes);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains($"Gateway:BodyLimits:Routes:{ServiceRoutes.Imports}", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_chunked_body_that_outgrows_the_limit_is_413()
    {
        using var client = Client();
        // No Content-Length: the limit is met while the body streams through the proxy.
        var content = new StreamContent(new MemoryStream(new byte[DefaultBytes * 4]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases/x/responses") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("Gateway:BodyLimits:DefaultBytes", problem.GetProperty("detail").GetString());
    }

    public ValueTask DisposeAsync() => Gateway.DisposeAsync();
}
