using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Contracts.Intake;
using Quality.Contracts.Scoring;
using Quality.Messaging.Outbox;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Features.Surges;

/// <summary>
/// One look at every category's complaints. Categories are claimed with <c>FOR UPDATE SKIP LOCKED</c>; each folds the
/// intervals that have closed since it was last looked at into its baseline, checks the interval still open, and
/// writes <c>ComplaintSurge</c> to the outbox in the same transaction as the state that says it was announced. Two
/// replicas never hold a category at once, and the second sees the first's state: one event per episode.
/// </summary>
public sealed class SurgeScan(ScoringDbContext db, IOptions<SurgeOptions> options)
{
    public const int BatchSize = 100;

    /// <summary>Looks at every category not held by another replica, a batch per transaction; returns how many.</summary>
    public async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken ct)
    {
        await DiscoverAsync(now, options.Value, ct);
        var total = 0;
        var after = "";
        while (true)
        {
            var (count, last) = await RunBatchAsync(now, after, ct);
            total += count;
            if (count < BatchSize)
            {
                return total;
            }

            after = last;
        }
    }

    private async Task<(int Count, string Last)> RunBatchAsync(DateTimeOffset now, string after, CancellationToken ct)
    {
        var settings = options.Value;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var states = await db.SurgeStates.FromSql($"""
                SELECT * FROM surge_states WHERE category > {after} ORDER BY category LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
            if (states.Count == 0)
            {
                return (0, after);
            }

            // Closed: ended, and past the lateness allowed for complaints stamped inside it.
            var closedUntil = Align(now - settings.Lateness, settings.Interval);
            var oldest = closedUntil - settings.History;
            foreach (var state in states)
            {
                state.NextInterval = Align(state.NextInterval, settings.Interval);
                if (state.NextInterval < oldest)
                {
                    // After a long outage the baseline carries on from the history still worth reading.
                    state.NextInterval = oldest;
                }
            }

            var counts = await CountAsync([.. states.Select(s => s.Category)], states.Min(s => s.NextInterval), settings.Interval, ct);
            foreach (var state in states)
            {
                for (var start = state.NextInterval; start < closedUntil; start += settings.Interval)
                {
                    SurgeDetector.Close(state, start, counts.GetValueOrDefault((state.Category, Number(start, settings.Interval))), settings);
                }

                for (var start = closedUntil; start <= now; start += settings.Interval)
                {
                    SurgeDetector.Observe(state, start, counts.GetValueOrDefault((state.Category, Number(start, settings.Interval))), settings);
                }

                if (SurgeDetector.ShouldAnnounce(state))
                {
                    state.AnnouncedAt = now;
                    db.AddToOutbox(new ComplaintSurge
                    {
                        CorrelationId = state.EpisodeId!.Value,
                        Category = state.Category,
                        WindowStart = state.EpisodeStart!.Value,
                        WindowEnd = state.EpisodeStart.Value + settings.Interval,
                        Count = state.EpisodeCount,
                        Baseline = state.EpisodeBaseline,
                        Threshold = state.EpisodeThreshold,
                    });
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (states.Count, states[^1].Category);
        });
    }

    public static DateTimeOffset Align(DateTimeOffset instant, TimeSpan interval) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Number(instant, interval) * (long)interval.TotalMilliseconds);

    private static long Number(DateTimeOffset instant, TimeSpan interval) =>
        (long)Math.Floor(instant.ToUnixTimeMilliseconds() / interval.TotalMilliseconds);

    /// <summary>
    /// A category with a complaint in the last two intervals and no state yet gets one, its history starting at its
    /// first complaint within <see cref="SurgeOptions.History"/>.
    /// </summary>
    private Task DiscoverAsync(DateTimeOffset now, SurgeOptions settings, CancellationToken ct)
    {
        var recent = now - 2 * settings.Interval;
        var horizon = now - settings.History;
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO surge_states (category, next_interval, mean, variance, intervals, in_surge, episode_count, episode_baseline, episode_threshold)
            SELECT f.category, min(f.received_at), 0, 0, 0, false, 0, 0, 0
            FROM feedback_facts f
            WHERE f.kind = {(int)FeedbackKind.Complaint} AND f.received_at >= {horizon}
              AND f.category IN (SELECT DISTINCT category FROM feedback_facts WHERE kind = {(int)FeedbackKind.Complaint} AND received_at >= {recent})
              AND NOT EXISTS (SELECT 1 FROM surge_states s WHERE s.category = f.category)
            GROUP BY f.category
            ON CONFLICT (category) DO NOTHING
            """, ct);
    }

    private async Task<Dictionary<(string Category, long Interval), int>> CountAsync(
        string[] categories, DateTimeOffset from, TimeSpan interval, CancellationToken ct)
    {
        var milliseconds = (long)interval.TotalMilliseconds;
        var rows = await db.Database.SqlQuery<IntervalCount>($"""
            SELECT category AS "Category", floor(extract(epoch FROM received_at) * 1000 / {milliseconds})::bigint AS "Interval", count(*)::int AS "Count"
            FROM feedback_facts
            WHERE kind = {(int)FeedbackKind.Complaint} AND category = ANY({categories}) AND received_at >= {from}
            GROUP BY 1, 2
            """).ToListAsync(ct);
        return rows.ToDictionary(r => (r.Category, r.Interval), r => r.Count);
    }
}
