using System.Globalization;
using System.Text.Json;

namespace Quality.Scoring.Tests.Infrastructure;

/// <summary>Reads KPI reports and leaderboards over HTTP with where they came from.</summary>
public static class LiveClient
{
    public sealed record Report(string Source, bool Degraded, DateTimeOffset From, DateTimeOffset To, Dictionary<string, (double? Value, long Samples)> Kpis)
    {
        public override string ToString() => $"{Source}{(Degraded ? " (degraded)" : "")} [{From:O}, {To:O}): {KpiClient.Describe(Kpis)}";
    }

    public sealed record Board(string Source, bool Degraded, List<(int Rank, string Agent, double Value, long Samples)> Entries)
    {
        public override string ToString() =>
            $"{Source}{(Degraded ? " (degraded)" : "")}: {string.Join(", ", Entries.Select(e => $"{e.Rank}. {e.Agent} {e.Value.ToString(CultureInfo.InvariantCulture)}/{e.Samples}"))}";
    }

    public static async Task<Report> KpisAsync(HttpClient client, string query)
    {
        var root = await GetAsync(client, $"/api/kpis?{query}");
        return new Report(
            root.GetProperty("source").GetString()!,
            root.TryGetProperty("degraded", out var d) && d.GetBoolean(),
            root.GetProperty("from").GetDateTimeOffset(),
            root.GetProperty("to").GetDateTimeOffset(),
            root.GetProperty("kpis").EnumerateArray().ToDictionary(
                k => k.GetProperty("name").GetString()!,
                k => (k.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : (double?)null,
                    k.TryGetProperty("sampleCount", out var n) ? long.Parse(n.ToString(), CultureInfo.InvariantCulture) : 0L)));
    }

    public static async Task<Board> LeaderboardAsync(HttpClient client, string metric, string query)
    {
        var root = await GetAsync(client, $"/api/leaderboards/{metric}?{query}");
        var entries = root.TryGetProperty("entries", out var e)
            ? e.EnumerateArray().Select(x => (
                x.GetProperty("rank").GetInt32(),
                x.GetProperty("agentId").GetString()!,
                x.TryGetProperty("value", out var v) ? v.GetDouble() : 0,
                x.TryGetProperty("sampleCount", out var n) ? long.Parse(n.ToString(), CultureInfo.InvariantCulture) : 0L)).ToList()
            : [];
        return new Board(root.GetProperty("source").GetString()!, root.TryGetProperty("degraded", out var d) && d.GetBoolean(), entries);
    }

    /// <summary>
    /// The live answer for <paramref name="query"/>, and whether PostgreSQL answers exactly the same for its interval
    /// (leaving out the KPIs named in <paramref name="ignoring"/>).
    /// </summary>
    public static async Task<(Report Live, bool Same)> LiveAndFactsAsync(HttpClient client, string query, params string[] ignoring)
    {
        var live = await KpisAsync(client, query);
        var scope = string.Join('&', query.Split('&').Where(p => !p.StartsWith("period=", StringComparison.Ordinal)));
        var facts = await KpisAsync(client, $"{scope}&{Interval(live.From, live.To)}");
        var expected = facts.Kpis.Where(k => !ignoring.Contains(k.Key)).ToDictionary();
        return (live, facts.Source == "postgres" && KpiClient.Matches(expected, live.Kpis) && facts.Kpis.Count == live.Kpis.Count);
    }

    public static string Interval(DateTimeOffset from, DateTimeOffset to) =>
        $"from={Uri.EscapeDataString(from.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}" +
        $"&to={Uri.EscapeDataString(to.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}";

    /// <summary>A history whose events (T0 − 1 h … T0 + 9 h) all lie in the last 24 hours.</summary>
    public static FixedHistory RecentHistory()
    {
        var now = DateTimeOffset.UtcNow;
        return new FixedHistory(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(-10));
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
