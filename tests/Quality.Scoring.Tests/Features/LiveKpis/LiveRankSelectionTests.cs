using Microsoft.Extensions.DependencyInjection;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Features.LiveKpis;
using Quality.Scoring.Tests.Infrastructure;
using StackExchange.Redis;

namespace Quality.Scoring.Tests.Features.LiveKpis;

/// <summary>
/// The k-th smallest across sorted sets on real Redis, against sorting the same scores in memory: every rank, with
/// ties, empty buckets, a single sample, skewed and interleaved buckets, and scores that only survive
/// a round trip when written with all their digits. Seeded, so a failure repeats.
/// </summary>
[Collection(nameof(EventPublishingTests))]
public sealed class LiveRankSelectionTests(ScoringServers servers)
{
    [Fact]
    public async Task One_sample_among_empty_buckets_is_every_rank()
    {
        await AssertEveryRankAsync([[], [], [42.5], []]);
    }

    [Fact]
    public async Task Scores_all_equal_across_buckets_select_that_score()
    {
        await AssertEveryRankAsync([.. Enumerable.Range(0, 12).Select(b => Enumerable.Repeat(7.0, b * 5).ToArray())]);
    }

    [Fact]
    public async Task Few_distinct_values_spread_over_buckets_count_ties_exactly()
    {
        var random = new Random(5);
        await AssertEveryRankAsync([.. Enumerable.Range(0, 10).Select(_ => Enumerable.Range(0, random.Next(0, 120)).Select(_ => (double)random.Next(0, 4)).ToArray())]);
    }

    [Fact]
    public async Task Disjoint_buckets_one_much_larger_than_the_others()
    {
        // Bucket i holds [1000·i, 1000·i + size): every pivot splits the window between buckets, not inside them.
        int[] sizes = [3, 1, 2000, 0, 7, 250, 1];
        await AssertEveryRankAsync([.. sizes.Select((size, i) => Enumerable.Range(0, size).Select(j => 1000.0 * i + j).ToArray())]);
    }

    [Fact]
    public async Task Many_buckets_of_random_durations_with_full_precision()
    {
        var random = new Random(144);
        // A day's worth of ten-minute buckets; durations with many decimals, tiny and huge ones, and repeats.
        var buckets = Enumerable.Range(0, 144).Select(_ => Enumerable.Range(0, random.Next(0, 20)).Select(_ => Duration(random)).ToArray()).ToArray();
        await AssertEveryRankAsync(buckets);
    }

    [Fact]
    public async Task A_quiet_hour_with_a_few_samples_per_bucket_is_read_whole_and_exact()
    {
        var random = new Random(3);
        // Few samples in all: read and sorted once for both percentiles rather than narrowed; the same ranks either way.
        var buckets = Enumerable.Range(0, 60).Select(_ => Enumerable.Range(0, random.Next(0, 4)).Select(_ => Duration(random)).ToArray()).ToArray();
        await AssertEveryRankAsync(buckets);
    }

    [Fact]
    public async Task An_hour_of_busy_buckets_takes_several_rounds_and_stays_exact()
    {
        var random = new Random(60);
        // Enough samples per bucket that the selection narrows over several rounds before sorting the rest. Every
        // rank would take too long here: both ends, a stride through the middle and the percentiles.
        var buckets = Enumerable.Range(0, 60).Select(_ => Enumerable.Range(0, random.Next(50, 250)).Select(_ => Duration(random)).ToArray()).ToArray();
        var count = buckets.Sum(b => b.Length);
        await AssertRanksAsync(buckets, [.. Enumerable.Range(1, count).Where(k => k <= 20 || k > count - 20 || k % 97 == 0)]);
    }

    [Fact]
    public async Task Ranks_outside_the_window_have_no_value()
    {
        var keys = await FillAsync([[1, 2], [3]]);
        try
        {
            Assert.Null(await LiveRankSelection.KthSmallestAsync(Db, keys, 0));
            Assert.Null(await LiveRankSelection.KthSmallestAsync(Db, keys, 4));
            Assert.Null(await LiveRankSelection.KthSmallestAsync(Db, [.. keys.Select(k => k + ":none")], 1));
        }
        finally
        {
            await Db.KeyDeleteAsync([.. keys.Select(k => (RedisKey)k)]);
        }
    }

    private IDatabase Db => servers.Scoring.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();

    private static double Duration(Random random) => random.Next(4) switch
    {
        0 => random.NextDouble() * 86_400,
        1 => Math.Round(random.NextDouble() * 600) + 0.1,
        2 => 1e-9 * random.Next(1, 5),
        _ => 3600,
    };

    private Task AssertEveryRankAsync(double[][] buckets) =>
        AssertRanksAsync(buckets, [.. Enumerable.Range(1, buckets.Sum(b => b.Length))]);

    private async Task AssertRanksAsync(double[][] buckets, IReadOnlyList<int> ranks)
    {
        var keys = await FillAsync(buckets);
        try
        {
            var all = buckets.SelectMany(b => b).ToList();
            var sorted = all.Order().ToList();
            foreach (var k in ranks)
            {
                Assert.Equal(sorted[k - 1], await LiveRankSelection.KthSmallestAsync(Db, keys, k));
            }

            // And the ranks the KPIs ask for give what the calculator computes.
            foreach (var p in new[] { 0.5, 0.9 })
            {
                var rank = Math.Clamp((long)Math.Ceiling(p * all.Count), 1, Math.Max(1, all.Count));
                Assert.Equal(KpiCalculator.Percentile(all, p), await LiveRankSelection.KthSmallestAsync(Db, keys, rank));
            }
        }
        finally
        {
            await Db.KeyDeleteAsync([.. keys.Select(k => (RedisKey)k)]);
        }
    }

    /// <summary>Writes each bucket as a sorted set (member = a unique id, score = the value); an empty one is a missing key, as in Redis.</summary>
    private async Task<string[]> FillAsync(double[][] buckets)
    {
        var prefix = $"test:rank:{Guid.NewGuid():N}:";
        var keys = buckets.Select((_, i) => prefix + i).ToArray();
        for (var i = 0; i < buckets.Length; i++)
        {
            if (buckets[i].Length > 0)
            {
                await Db.SortedSetAddAsync(keys[i], [.. buckets[i].Select((score, j) => new SortedSetEntry($"m{j}", score))]);
            }
        }

        return keys;
    }
}
