using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Quality.Routing.Benchmark.Routing;

/// <summary>Routing's HTTP/JSON API (the gRPC methods by transcoding), signed in with the run's admin token.</summary>
public sealed class RoutingApi(Uri baseAddress, string token) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http = CreateClient(baseAddress, token);

    public Uri BaseAddress => baseAddress;

    /// <summary>Throws a <see cref="RunException"/> when Routing is not up or refuses the token.</summary>
    public async Task CheckReachableAsync(CancellationToken ct)
    {
        try
        {
            using var health = await _http.GetAsync("health", ct).ConfigureAwait(false);
            if (!health.IsSuccessStatusCode)
            {
                throw new RunException($"routing at {baseAddress} is not healthy (GET /health answered {(int)health.StatusCode})");
            }

            using var agents = await _http.GetAsync("api/agents?pageSize=1", ct).ConfigureAwait(false);
            if ((int)agents.StatusCode is 401 or 403)
            {
                throw new RunException($"routing refused the token ({(int)agents.StatusCode}): it must be an admin token signed with the system's key (QUALITY_TOKEN in quality.env)");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new RunException($"routing at {baseAddress} is not answering ({e.Message}): start the system with scripts/run.sh or pass --routing / --env");
        }
    }

    public Task<JsonElement> PutAsync(string path, object body, CancellationToken ct) => SendAsync(HttpMethod.Put, path, body, ct);

    /// <summary>
    /// An SLA policy for one channel only, ranked ahead of every other, with <paramref name="goal"/> as the first-response
    /// target at every priority, on <paramref name="calendarId"/>.
    /// </summary>
    public Task<JsonElement> PutFirstResponsePolicyAsync(string policyId, string channel, TimeSpan goal, string calendarId, CancellationToken ct) =>
        PutAsync($"api/sla/policies/{policyId}", new
        {
            name = $"Routing benchmark: first response in {goal.TotalSeconds:0} s",
            rank = -1_000_000,
            condition = new { channels = new[] { channel } },
            targets = Enumerable.Range(1, 4).Select(p => new { priority = p, firstResponse = $"{goal.TotalSeconds:0}s" }),
            calendarId,
        }, ct);

    public Task<JsonElement> DeleteAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Delete, path, null, ct);

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new RunException($"{method} {path} answered {(int)response.StatusCode}: {(text.Length <= 300 ? text : text[..300] + "…")}");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static HttpClient CreateClient(Uri baseAddress, string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 8, ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public void Dispose() => _http.Dispose();
}
