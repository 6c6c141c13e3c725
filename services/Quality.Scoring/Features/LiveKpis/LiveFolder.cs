using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Quality.Contracts;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
using Quality.Scoring.Infrastructure;
using StackExchange.Redis;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// Folds facts into the live values. Runs after the event's fact is committed, in a transaction of its own: takes
/// the affected entities' locks (sorted, so two folds never deadlock), gives each a new version from a sequence,
/// computes its contribution from everything stored about it, commits, then applies to Redis. Two folds of one
/// entity serialise on its lock, so the later always sees the earlier's facts and carries the larger version.
/// When Redis is away the entities are marked dirty in PostgreSQL and re-folded once it is back.
/// </summary>
public sealed partial class LiveFolder(
    ScoringDbContext db, LiveEntityFacts facts, LiveStore store, TimeProvider time, ILogger<LiveFolder> logger)
{
    public async Task FoldAsync(IntegrationEvent e, CancellationToken ct) => await FoldAsync([e], ct);

    /// <summary>Folds what a batch of events affects: each entity once, however many of the events concern it.</summary>
    public async Task FoldAsync(IReadOnlyCollection<IntegrationEvent> events, CancellationToken ct) => await FoldAsync(await EntitiesOfAsync(events, ct), ct);

    /// <summary>
    /// Folds the entities; returns what each now contributes, and false when Redis could not be written (they are
    /// then marked dirty).
    /// </summary>
    public async Task<(IReadOnlyList<LiveContribution> Contributions, bool Written)> FoldAsync(IReadOnlyCollection<string> entities, CancellationToken ct)
    {
        if (entities.Count == 0)
        {
            return ([], true);
        }

        var contributions = await ComputeAsync(entities, ct);
        try
        {
            await store.ApplyAsync(contributions);
            return (contributions, true);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogRedisUnavailable(e, entities.Count);
            await MarkDirtyAsync(entities, ct);
            return (contributions, false);
        }
    }

    private async Task<List<LiveContribution>> ComputeAsync(IReadOnlyCollection<string> entities, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // One statement, the locks taken in id order: two folds sharing entities wait for each other, never deadlock.
            var lockIds = entities.Select(LockId).Distinct().Order().ToArray();
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"SELECT pg_advisory_xact_lock(id) FROM (SELECT id FROM unnest({lockIds}) AS id ORDER BY id) AS sorted", ct);

            var now = time.GetUtcNow();
            var versions = await db.Database.SqlQuery<long>(
                $"SELECT nextval('live_fold_versions') AS \"Value\" FROM generate_series(1, {entities.Count})").ToListAsync(ct);
            var entries = await facts.EntriesAsync(entities, now, ct);
            var contributions = entities.Select((entity, i) => new LiveContribution(entity, versions[i], entries[entity].Entries, entries[entity].Facts)).ToList();

            await transaction.CommitAsync(ct);
            return contributions;
        });
    }

    /// <summary>The entities the events change, each once. A feedback item without a case belongs to the case opened from it, if any.</summary>
    private async Task<IReadOnlyCollection<string>> EntitiesOfAsync(IReadOnlyCollection<IntegrationEvent> events, CancellationToken ct)
    {
        var entities = new HashSet<string>(StringComparer.Ordinal);
        var orphanFeedback = new List<Guid>();
        foreach (var e in events)
        {
            switch (e)
            {
                case CaseOpened opened:
                    entities.Add(LiveEntities.Case(opened.CaseId));
                    entities.Add(LiveEntities.Feedback(opened.FeedbackId));
                    break;
                case CaseAssigned assigned:
                    entities.Add(LiveEntities.Case(assigned.CaseId));
                    break;
                case CaseResponded responded:
                    entities.Add(LiveEntities.Case(responded.CaseId));
                    break;
                case CaseResolved resolved:
                    entities.Add(LiveEntities.Case(resolved.CaseId));
                    break;
                case CaseReopened reopened:
                    entities.Add(LiveEntities.Case(reopened.CaseId));
                    break;
                case SurveyAnswered answered:
                    entities.Add(answered.CaseId is { } surveyCase ? LiveEntities.Case(surveyCase) : LiveEntities.Survey(answered.FeedbackId, answered.SurveyType));
                    break;
                case FeedbackReceived { CaseId: { } feedbackCase }:
                    entities.Add(LiveEntities.Case(feedbackCase));
                    break;
                case FeedbackReceived received:
                    entities.Add(LiveEntities.Feedback(received.FeedbackId));
                    orphanFeedback.Add(received.FeedbackId);
                    break;
            }
        }

        if (orphanFeedback.Count > 0)
        {
            foreach (var openedCase in await facts.CasesOpenedFromAsync(orphanFeedback, ct))
            {
                entities.Add(LiveEntities.Case(openedCase));
            }
        }

        return entities;
    }

    private async Task MarkDirtyAsync(IReadOnlyCollection<string> entities, CancellationToken ct)
    {
        var names = entities.Distinct().Order(StringComparer.Ordinal).ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO live_dirty_entities (entity, marked_at) SELECT entity, {time.GetUtcNow()} FROM unnest({names}) AS entity ON CONFLICT DO NOTHING", ct);
    }

    /// <summary>A stable 64-bit advisory lock id per entity (the same on every replica and every run).</summary>
    private static long LockId(string entity) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("live:" + entity)), 0);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live values not updated for {Count} entities: Redis unavailable; marked for re-folding")]
    private partial void LogRedisUnavailable(Exception exception, int count);
}
