using Quality.Testing;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Quality.Scoring.Features.LiveKpis;
using Quality.Scoring.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using StackExchange.Redis;

namespace Quality.Scoring.Tests.Features.LiveKpis;

/// <summary>The organisation's live counters in Redis follow the facts exactly, and a lost Redis is rebuilt from them to the same values.</summary>
[Collection(nameof(EventPublishingTests))]
public sealed class LiveRebuildTests(ScoringServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Flushed_live_counters_are_rebuilt_from_the_facts_to_the_same_values()
    {
        using var admin = servers.Scoring.Admin();
        var history = new FixedHistory(new DateTimeOffset(2050, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var published = await Bus.PublishAllAsync(servers.Scoring, history);
        await Eventually.Async(() => Bus.ConsumedAsync(servers.Scoring, published), consumed => consumed == published.Count);
        // The Redis increment follows each commit; wait until it has caught up with the facts.
        var caughtUp = await Eventually.Async(
            async () => (Live: await LiveAsync(admin), Facts: await FromFactsAsync()),
            read => !read.Live.FromFacts && Same(read.Live.Counters, read.Facts));
        var before = caughtUp.Live.Counters;
        // This history's own answers are in: CSAT C1 three times (twice one event, once a new event id) counts once.
        Assert.True(before["csat_answers"] >= 5 && before["nps_answers"] >= 5 && before["cases_opened"] >= 6, Describe(before));

        await using (var redis = await ConnectionMultiplexer.ConnectAsync(servers.Redis + ",allowAdmin=true"))
        {
            await redis.GetServers()[0].FlushDatabaseAsync();
        }

        // A replica notices the flush and restores the counters by itself; an admin may also ask for it.
        var restored = await Eventually.Async(() => LiveAsync(admin), live => !live.FromFacts && Same(before, live.Counters));
        Assert.True(Same(before, restored.Counters));

        using var manager = servers.Scoring.ClientFor("qm", Roles.QualityManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync("/api/kpis/live/rebuild", new { }, Cancellation)).StatusCode);
        var rebuild = await admin.PostAsJsonAsync("/api/kpis/live/rebuild", new { }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, rebuild.StatusCode);

        var after = await LiveAsync(admin);
        Assert.False(after.FromFacts);
        Assert.True(Same(before, after.Counters), $"before: {Describe(before)}; after: {Describe(after.Counters)}");
    }

    private static async Task<(bool FromFacts, Dictionary<string, long> Counters)> LiveAsync(HttpClient client)
    {
        var live = await client.GetFromJsonAsync<JsonElement>("/api/kpis/live", Cancellation);
        var counters = live.TryGetProperty("counters", out var c)
            ? c.EnumerateObject().ToDictionary(p => p.Name, p => long.Parse(p.Value.ToString(), CultureInfo.InvariantCulture))
            : [];
        return (live.TryGetProperty("fromFacts", out var f) && f.GetBoolean(), counters);
    }

    private async Task<Dictionary<string, long>> FromFactsAsync()
    {
        await using var scope = servers.Scoring.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiveFactCounter>().CountAsync(Cancellation);
    }

    private static bool Same(Dictionary<string, long> a, Dictionary<string, long> b) =>
        a.Count == b.Count && a.All(e => b.TryGetValue(e.Key, out var v) && v == e.Value);

    private static string Describe(Dictionary<string, long> counters) =>
        string.Join(", ", counters.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"));
}
