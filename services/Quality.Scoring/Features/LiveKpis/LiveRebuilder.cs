using Microsoft.EntityFrameworkCore;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// Re-folds every entity that can hold live values: each case open now (the backlog) or with any fact young
/// enough for a window, and each young survey answer or feedback item without a case. Folding is
/// version-checked and undoes what an entity held before, so a rebuild over a live store changes nothing, over a
/// flushed one restores it exactly, and events folded meanwhile are neither lost nor counted twice.
/// </summary>
public sealed class LiveRebuilder(ScoringDbContext db, LiveFolder folder, TimeProvider time, Microsoft.Extensions.Options.IOptions<LiveOptions> options)
{
    public async Task<LiveRebuild> RebuildAsync(CancellationToken ct)
    {
        var startedAt = time.GetUtcNow();
        var cutoff = startedAt - LiveWindow.All.Max(w => w.Length + 2 * w.BucketSize);
        var entities = await EntitiesAsync(cutoff, ct);
        var complete = true;
        var facts = 0L;
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in entities.Chunk(options.Value.BatchSize))
        {
            var (contributions, written) = await folder.FoldAsync(chunk, ct);
            complete &= written;
            foreach (var contribution in contributions)
            {
                facts += contribution.Facts;
                scopes.UnionWith(contribution.Scopes);
            }
        }

        return new LiveRebuild(
            [.. LiveWindow.All.Select(w => w.PeriodName)],
            Cases: entities.Count(e => e.StartsWith(LiveEntities.CasePrefix, StringComparison.Ordinal)),
            Surveys: entities.Count(e => e.StartsWith(LiveEntities.SurveyPrefix, StringComparison.Ordinal)),
            FeedbackItems: entities.Count(e => e.StartsWith(LiveEntities.FeedbackPrefix, StringComparison.Ordinal)),
            facts,
            Teams: scopes.Count(s => s.StartsWith(LiveKeys.Team(""), StringComparison.Ordinal)),
            Agents: scopes.Count(s => s.StartsWith(LiveKeys.Agent(""), StringComparison.Ordinal)),
            complete,
            startedAt,
            time.GetUtcNow());
    }

    /// <summary>Re-folds entities marked dirty while Redis was away; returns how many were cleared.</summary>
    public async Task<int> RefoldDirtyAsync(CancellationToken ct) =>
        await RefoldAsync(await db.Set<LiveDirtyEntity>().AsNoTracking().OrderBy(d => d.MarkedAt).Take(options.Value.BatchSize).ToListAsync(ct), ct);

    /// <summary>
    /// Re-folds entities marked dirty and clears their marks once Redis has them; a mark stays when Redis could not be
    /// written, for <see cref="LiveMaintenance"/> to retry.
    /// </summary>
    public async Task<int> RefoldAsync(IReadOnlyList<LiveDirtyEntity> dirty, CancellationToken ct)
    {
        if (dirty.Count == 0 || !(await folder.FoldAsync([.. dirty.Select(d => d.Entity)], ct)).Written)
        {
            return 0;
        }

        // Only rows not marked again since they were read: a fold that failed meanwhile keeps its mark.
        var cleared = 0;
        foreach (var row in dirty)
        {
            cleared += await db.Database.ExecuteSqlInterpolatedAsync(
                $"DELETE FROM live_dirty_entities WHERE entity = {row.Entity} AND marked_at <= {row.MarkedAt}", ct);
        }

        return cleared;
    }

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
