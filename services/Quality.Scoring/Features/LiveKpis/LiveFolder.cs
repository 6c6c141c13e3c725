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
    public async Task FoldAsync(IntegrationEvent e, CancellationToken ct) => await FoldAsync(await EntitiesOfAsync(e, ct), ct);

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
            foreach (var lockId in entities.Select(LockId).Distinct().Order())
            {
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({lockId})", ct);
            }

            var now = time.GetUtcNow();
            var versions = await db.Database.SqlQuery<long>(
                $"SELECT nextval('live_fold_versions') AS \"Value\" FROM generate_series(1, {entities.Count})").ToListAsync(ct);
            var entries = await facts.EntriesAsync(entities, now, ct);
            var contributions = entities.Select((entity, i) => new LiveContribution(entity, versions[i], entries[entity].Entries, entries[entity].Facts)).ToList();

            await transaction.CommitAsync(ct);
            return contributions;
        });
    }

    private async Task<IReadOnlyCollection<string>> EntitiesOfAsync(IntegrationEvent e, CancellationToken ct) => e switch
    {
        CaseOpened opened => [LiveEntities.Case(opened.CaseId), LiveEntities.Feedback(opened.FeedbackId)],
        CaseAssigned assigned => [LiveEntities.Case(assigned.CaseId)],
        CaseResponded responded => [LiveEntities.Case(responded.CaseId)],
        CaseResolved resolved => [LiveEntities.Case(resolved.CaseId)],
        CaseReopened reopened => [LiveEntities.Case(reopened.CaseId)],
        SurveyAnswered { CaseId: { } caseId } => [LiveEntities.Case(caseId)],
        SurveyAnswered answered => [LiveEntities.Survey(answered.FeedbackId, answered.SurveyType)],
        FeedbackReceived { CaseId: { } caseId } => [LiveEntities.Case(caseId)],
        FeedbackReceived received => await facts.CaseOpenedFromAsync(received.FeedbackId, ct) is { } openedCase
            ? [LiveEntities.Feedback(received.FeedbackId), LiveEntities.Case(openedCase)]
            : [LiveEntities.Feedback(received.FeedbackId)],
        _ => [],
    };

    private async Task MarkDirtyAsync(IReadOnlyCollection<string> entities, CancellationToken ct)
    {
        foreach (var entity in entities)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO live_dirty_entities (entity, marked_at) VALUES ({entity}, {time.GetUtcNow()}) ON CONFLICT DO NOTHING", ct);
        }
    }

    /// <summary>A stable 64-bit advisory lock id per entity (the same on every replica and every run).</summary>
    private static long LockId(string entity) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("live:" + entity)), 0);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live values not updated for {Count} entities: Redis unavailable; marked for re-folding")]
    private partial void LogRedisUnavailable(Exception exception, int count);
}
