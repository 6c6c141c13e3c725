using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Infrastructure;
using StackExchange.Redis;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// Writes the live values anew from one snapshot of the facts: every case open now (the backlog) or with any fact
/// young enough for a window, and every young survey answer or feedback item without a case. The snapshot also names
/// the logged deltas it already holds; completing the rebuild marks those applied, and every later one is applied on
/// top (see <see cref="LiveMaintenance"/>), so events folded meanwhile are neither lost nor counted twice.
/// </summary>
public sealed class LiveRebuilder(ScoringDbContext db, LiveEntityFacts facts, LiveStore store, TimeProvider time, IOptions<LiveOptions> options)
{
    /// <summary>Rebuilds as <paramref name="id"/>, which <see cref="LiveStore.BeginRebuildAsync"/> has begun.</summary>
    public async Task<LiveRebuild> RebuildAsync(string id, CancellationToken ct)
    {
        var startedAt = time.GetUtcNow();
        await store.ClearAsync();

        // One snapshot for every read: a fold commits its facts and its delta together, so the snapshot holds both or neither.
        await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var counted = await db.Set<LivePendingDelta>().AsNoTracking().Select(d => d.Id).ToListAsync(ct);
        var cutoff = startedAt - LiveWindow.All.Max(w => w.Length + 2 * w.BucketSize);
        var entities = await EntitiesAsync(cutoff, ct);
        var complete = true;
        var factCount = 0L;
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in entities.Chunk(options.Value.BatchSize))
        {
            var rows = await facts.ReadAsync(chunk, locked: false, ct);
            var values = new LiveDelta();
            var builder = new LiveContributionBuilder(values, startedAt);
            foreach (var entity in chunk)
            {
                var entityFacts = rows.For(entity);
                builder.Add(entity, entityFacts);
                factCount += Counted(entity, entityFacts);
            }

            scopes.UnionWith(values.Scopes);

            try
            {
                complete = await store.WriteRebuildAsync(id, values);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                complete = false;
            }

            if (!complete)
            {
                break;
            }
        }

        await snapshot.CommitAsync(ct);
        return new LiveRebuild(
            [.. LiveWindow.All.Select(w => w.PeriodName)],
            Cases: entities.Count(e => LiveEntities.Parse(e).Kind == LiveEntityKind.Case),
            Surveys: entities.Count(e => LiveEntities.Parse(e).Kind == LiveEntityKind.Survey),
            FeedbackItems: entities.Count(e => LiveEntities.Parse(e).Kind == LiveEntityKind.Feedback),
            factCount,
            Teams: scopes.Count(s => s.StartsWith(LiveKeys.Team(""), StringComparison.Ordinal)),
            Agents: scopes.Count(s => s.StartsWith(LiveKeys.Agent(""), StringComparison.Ordinal)),
            complete,
            startedAt,
            time.GetUtcNow())
        {
            CountedDeltas = counted,
            Scopes = [.. scopes.Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>The facts an entity's values were computed from: a survey answer or feedback item counts with its case, not alone too.</summary>
    private static int Counted(string entity, KpiFacts entityFacts) => LiveEntities.Parse(entity).Kind switch
    {
        LiveEntityKind.Case => entityFacts.Count,
        LiveEntityKind.Survey => entityFacts.Surveys.Count(s => s.CaseId is null),
        _ => entityFacts.Cases.Count == 0 ? entityFacts.Feedback.Count(f => f.CaseId is null) : 0,
    };

    private async Task<List<string>> EntitiesAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var cases = await db.Database.SqlQuery<Guid>($"""
            SELECT case_id AS "Value" FROM case_facts WHERE opened_at >= {cutoff}
            UNION SELECT case_id FROM case_assignment_facts WHERE assigned_at >= {cutoff}
            UNION SELECT case_id FROM case_response_facts WHERE responded_at >= {cutoff}
            UNION SELECT case_id FROM case_resolution_facts WHERE resolved_at >= {cutoff}
            UNION SELECT case_id FROM case_reopen_facts WHERE reopened_at >= {cutoff}
            UNION SELECT case_id FROM survey_facts WHERE answered_at >= {cutoff} AND case_id IS NOT NULL
            UNION SELECT case_id FROM feedback_facts WHERE received_at >= {cutoff} AND case_id IS NOT NULL
            UNION SELECT case_id FROM qa_reviews WHERE reviewed_at >= {cutoff} AND calibration_id IS NULL
            UNION SELECT c.case_id FROM feedback_facts f JOIN case_facts c ON c.feedback_id = f.feedback_id
                WHERE f.received_at >= {cutoff} AND f.case_id IS NULL
            UNION SELECT c.case_id FROM case_facts c
                WHERE NOT EXISTS (
                    SELECT 1 FROM case_resolution_facts r WHERE r.case_id = c.case_id
                    AND r.resolved_at > COALESCE((SELECT max(o.reopened_at) FROM case_reopen_facts o WHERE o.case_id = c.case_id), '-infinity'))
            """).ToListAsync(ct);
        var surveys = await db.SurveyFacts.AsNoTracking().Where(s => s.AnsweredAt >= cutoff && s.CaseId == null)
            .Select(s => new { s.FeedbackId, s.SurveyType }).ToListAsync(ct);
        var feedback = await db.FeedbackFacts.AsNoTracking().Where(f => f.ReceivedAt >= cutoff && f.CaseId == null)
            .Select(f => f.FeedbackId).ToListAsync(ct);

        return
        [
            .. cases.Select(LiveEntities.Case),
            .. surveys.Select(s => LiveEntities.Survey(s.FeedbackId, s.SurveyType)),
            .. feedback.Select(LiveEntities.Feedback),
        ];
    }
}
