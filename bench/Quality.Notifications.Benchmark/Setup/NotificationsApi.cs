using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Quality.Notifications.Benchmark.Setup;

/// <summary>The Notifications HTTP API calls the run needs: a reachability check, webhook rules created and deleted.</summary>
public sealed class NotificationsApi : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _client;

    public NotificationsApi(Uri baseAddress, string token)
    {
        _client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Lists the rules once: proves the service answers and the token may manage rules.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _client.GetAsync("api/rules", cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new RunException($"Notifications is unreachable at {_client.BaseAddress}: {e.Message} (is the system running? scripts/run.sh)", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new RunException($"GET {_client.BaseAddress}api/rules answered {(int)response.StatusCode}: the token is not a quality manager's or admin's, or has expired (restart the AppHost for a new one)");
            }
        }
    }

    /// <summary>
    /// A webhook rule for SlaBreached of <paramref name="team"/>, any severity, to <paramref name="url"/>. No
    /// <c>dedupWindowSeconds</c>: the rule does not deduplicate (and each event has its own case, so its dedup key
    /// would be unique anyway); throttling and quiet hours apply to email only, so nothing is suppressed.
    /// </summary>
    public async Task<CreatedRule> CreateWebhookRuleAsync(string name, string team, Uri url, CancellationToken cancellationToken)
    {
        var request = new
        {
            name,
            eventTypes = new[] { "SlaBreached" },
            minSeverity = 1,
            scope = new { kind = "team", value = team },
            channel = "webhook",
            webhookUrl = url.ToString(),
            templates = new { zh = "案件 {caseId} 已超时", en = "Case {caseId} breached its SLA" },
        };
        using var response = await _client.PostAsJsonAsync("api/rules", request, Json, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new RunException($"creating the rule for {url} answered {(int)response.StatusCode}: {Shorten(text)}");
        }

        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var secret = root.TryGetProperty("webhookSecret", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "";
        return secret.Length > 0
            ? new CreatedRule(root.GetProperty("id").GetGuid(), secret)
            : throw new RunException($"the rule for {url} was created without a webhookSecret in the answer");
    }

    /// <summary>Deletes a rule the run made; failures are returned, not thrown, since this is clean-up.</summary>
    public async Task<string?> DeleteRuleAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _client.DeleteAsync($"api/rules/{id}", cancellationToken);
            return response.IsSuccessStatusCode ? null : $"DELETE api/rules/{id} answered {(int)response.StatusCode}";
        }
        catch (HttpRequestException e)
        {
            return $"DELETE api/rules/{id}: {e.Message}";
        }
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";

    public void Dispose() => _client.Dispose();
}
