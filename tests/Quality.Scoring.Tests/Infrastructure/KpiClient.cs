using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Quality.Scoring.Tests.Infrastructure;

/// <summary>Reads <c>GET /api/kpis</c> into name → (value, sample count).</summary>
public static class KpiClient
{
    public static async Task<Dictionary<string, (double? Value, long Samples)>> GetAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/kpis?{query}", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET /api/kpis?{query} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("kpis").EnumerateArray().ToDictionary(
            k => k.GetProperty("name").GetString()!,
            k => (
                k.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : (double?)null,
                // int64 is a JSON string in the protobuf mapping; zero is left out.
                k.TryGetProperty("sampleCount", out var n) ? long.Parse(n.ToString(), CultureInfo.InvariantCulture) : 0L));
    }

    public static string Day(DateTimeOffset t0) =>
        $"from={Uri.EscapeDataString(t0.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}" +
        $"&to={Uri.EscapeDataString(t0.AddDays(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}";

    /// <summary>True when every expected KPI has the expected value and sample count.</summary>
    public static bool Matches(IReadOnlyDictionary<string, (double? Value, long Samples)> expected, Dictionary<string, (double? Value, long Samples)> actual) =>
        expected.All(e => actual.TryGetValue(e.Key, out var a) && a.Samples == e.Value.Samples
            && (e.Value.Value is null ? a.Value is null : a.Value is { } v && Math.Abs(v - e.Value.Value.Value) < 1e-9));

    public static string Describe(Dictionary<string, (double? Value, long Samples)> kpis) =>
        string.Join(", ", kpis.Select(k => $"{k.Key}={k.Value.Value?.ToString(CultureInfo.InvariantCulture) ?? "null"}/{k.Value.Samples}"));
}
