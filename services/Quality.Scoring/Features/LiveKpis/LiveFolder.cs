using Quality.Contracts;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// Folds changed facts into the live values, in the transaction that changes them: takes the affected entities'
/// locks (in key order, so two folds never deadlock), reads their facts, and logs as one <see cref="LiveDelta"/> what
/// each entity contributes now minus what it contributed before. Two folds of one entity take turns on its lock, so
/// the later one's "before" is the earlier one's "after", and the deltas of all folds sum to what the facts
/// contribute. After the commit the caller applies the delta (<see cref="LiveStore.ApplyAfterCommitAsync"/>); whatever
/// is not applied then waits in the <see cref="LiveDeltaLog"/>.
/// </summary>
public sealed class LiveFolder(LiveEntityFacts facts, LiveDeltaLog log, TimeProvider time)
{
    /// <summary>
    /// Folds what the caller's transaction has written about <paramref name="entities"/> (it only adds facts): one
    /// read gives both sides, the facts it wrote marked. Returns the logged delta to apply after the commit, or null
    /// when the live values do not change.
    /// </summary>
    public async Task<LivePendingDelta?> FoldWrittenAsync(IReadOnlyCollection<string> entities, CancellationToken ct)
    {
        if (entities.Count == 0)
        {
            return null;
        }

        var rows = await facts.ReadAsync(entities, locked: true, ct);
        var delta = new LiveDelta();
        var builder = new LiveContributionBuilder(delta, time.GetUtcNow());
        foreach (var entity in rows.Entities)
        {
            var after = rows.For(entity);
            var before = rows.For(entity, withWritten: false);
            if (after.Count != before.Count)
            {
                builder.Add(entity, after);
                builder.Subtract(entity, before);
            }
        }

        return delta.IsEmpty ? null : await log.AppendAsync(delta, ct);
    }

    /// <summary>
    /// Folds <paramref name="change"/>, which may also update or remove facts: the entities are locked and read
    /// before it runs, and read again after. In the caller's transaction; returns the logged delta to apply after
    /// the commit, or null.
    /// </summary>
    public async Task<LivePendingDelta?> FoldChangeAsync(IReadOnlyCollection<string> entities, Func<CancellationToken, Task> change, CancellationToken ct)
    {
        var before = await facts.ReadAsync(entities, locked: true, ct);
        await change(ct);
        var after = await facts.ReadAsync(entities, locked: false, ct);
        var delta = new LiveDelta();
        var builder = new LiveContributionBuilder(delta, time.GetUtcNow());
        foreach (var entity in after.Entities)
        {
            builder.Add(entity, after.For(entity));
            builder.Subtract(entity, before.For(entity));
        }

        return delta.IsEmpty ? null : await log.AppendAsync(delta, ct);
    }

    /// <summary>
    /// The entities events change, each once. A case opened from a feedback item is folded with the item, which stops
    /// counting alone; an item that names no case is folded alone, and with any case opened from it (found when read).
    /// </summary>
    public static IReadOnlyCollection<string> EntitiesOf(IEnumerable<IntegrationEvent> events)
    {
        var entities = new HashSet<string>(StringComparer.Ordinal);
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
                    break;
            }
        }

        return entities;
    }
}
