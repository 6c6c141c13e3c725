using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Quality.Gateway.Tests;

public sealed class RateLimitTests(StandIns standIns) : IAsyncDisposable
{
    private const int Permits = 3;

    // A window far longer than any test run, so the counts cannot reset mid-test on a slow machine.
    private GatewayHost Gateway { get; } = new(standIns, new()
    {
        ["Gateway:RateLimits:PermitLimit"] = $"{Permits}",
        ["Gateway:RateLimits:Window"] = "01:00:00",
        ["Gateway:RateLimits:QueueLimit"] = "0",
    });

    [Fact]
    public async Task A_key_over_its_limit_gets_429_with_retry_after_while_another_key_is_unaffected()
    {
        using var noisy = Gateway.Client(apiKey: "noisy-channel");
        using var quiet = Gateway.Client(apiKey: "quiet-channel");
        for (var i = 0; i < Permits; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await noisy.GetAsync("/api/cases", TestContext.Current.CancellationToken)).StatusCode);
        }

        using var refused = await noisy.GetAsync("/api/kpis", TestContext.Current.CancellationToken);
        using var other = await quiet.GetAsync("/api/cases", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.False(refused.Headers.Contains(StandIn.Header));
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("Gateway:RateLimits", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task People_are_counted_by_the_subject_of_a_valid_token()
    {
        using var first = Gateway.Client(bearer: GatewayHost.Token("agent-a"));
        using var sameAgain = Gateway.Client(bearer: GatewayHost.Token("agent-a"));
        using var second = Gateway.Client(bearer: GatewayHost.Token("agent-b"));
        for (var i = 0; i < Permits; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/alerts", TestContext.Current.CancellationToken)).StatusCode);
        }

        // A new token for the same person shares the person's count; another person has their own.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await sameAgain.GetAsync("/api/alerts", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/alerts", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_is_not_counted()
    {
        using var browser = Gateway.Client();

        for (var i = 0; i < Permits * 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/_content/app.css", TestContext.Current.CancellationToken)).StatusCode);
        }
    }

    public ValueTask DisposeAsync() => Gateway.DisposeAsync();
}
