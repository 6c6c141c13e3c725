using Npgsql;
using Quality.Contracts.Intake;
using Quality.Messaging.Persistence;
using Quality.Scoring.Features.Facts;
using Quality.Scoring.Features.QaReviews;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// Reads live entities' facts in the context's transaction: every fact table in one round trip, for all the entities
/// at once, each row marked whether this transaction wrote it.
/// </summary>
public sealed class LiveEntityFacts(ScoringDbContext db)
{
    // A row this transaction inserted carries its id as xmin. A transaction that has written nothing has no id (and
    // a read-only one never gets one): then nothing is marked.
    private const string Written = "(xmin = pg_current_xact_id_if_assigned()::xid) IS TRUE";

    // The cases read: those asked for ($1) and those opened from the feedback items asked for ($2). As one array (an
    // init plan), so each table is read through its case_id index: an OR with a sub-select would scan the table.
    private const string InCases = "case_id = ANY(ARRAY(SELECT unnest($1::uuid[]) UNION SELECT o.case_id FROM case_facts o WHERE o.feedback_id = ANY($2)))";

    /// <summary>
    /// The entities' facts. With <paramref name="locked"/> the entities' locks are taken first, in the same round trip,
    /// so that two transactions changing one entity take turns and each reads what the one before it committed.
    /// </summary>
    public async Task<LiveFactRows> ReadAsync(IReadOnlyCollection<string> entities, bool locked, CancellationToken ct)
    {
        var parsed = entities.Select(LiveEntities.Parse).ToList();
        Guid[] IdsOf(LiveEntityKind kind) => [.. parsed.Where(e => e.Kind == kind).Select(e => e.Id).Distinct()];
        var caseIds = IdsOf(LiveEntityKind.Case);
        var feedbackIds = IdsOf(LiveEntityKind.Feedback);
        var surveyIds = IdsOf(LiveEntityKind.Survey);

        await using var batch = new NpgsqlBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL enable_seqscan = off"));
        if (locked)
        {
            // The entities' locks and those of the cases opened from the feedback items among them (a case takes the
            // facts of the item it was opened from), in one statement: two folds wait for each other in turn, never in
            // a circle.
            batch.BatchCommands.Add(AdvisoryLocks.InKeyOrder(
                entities.Select(LockKey), CaseLockKeysOpenedFrom("$2"), new NpgsqlParameter<Guid[]> { TypedValue = feedbackIds }));
            // A case opened from one of the items while that statement waited (opening it holds the item's lock until
            // it commits) is visible only now. Its lock cannot be waited for out of order: it is only tried, and a
            // fold that finds it held is retried (LiveEntityBusyException), when the first statement will find it.
            batch.BatchCommands.Add(AdvisoryLocks.TryAll(CaseLockKeysOpenedFrom("$1"), new NpgsqlParameter<Guid[]> { TypedValue = feedbackIds }));
        }

        batch.BatchCommands.Add(Command(
            $"SELECT case_id, feedback_id, category, priority, team_id, opened_at, {Written} FROM case_facts WHERE case_id = ANY($1) OR feedback_id = ANY($2)",
            caseIds, feedbackIds));
        batch.BatchCommands.Add(Command(
            $"SELECT event_id, case_id, agent_id, team_id, assigned_at, {Written} FROM case_assignment_facts WHERE {InCases}",
            caseIds, feedbackIds));
        batch.BatchCommands.Add(Command(
            $"SELECT event_id, case_id, agent_id, team_id, is_first_response, response_time, responded_at, {Written} FROM case_response_facts WHERE {InCases}",
            caseIds, feedbackIds));
        batch.BatchCommands.Add(Command($"""
            SELECT event_id, case_id, agent_id, team_id, resolution_time, first_contact_resolution, sla_met, resolved_at, {Written}
            FROM case_resolution_facts WHERE {InCases}
            """, caseIds, feedbackIds));
        batch.BatchCommands.Add(Command(
            $"SELECT event_id, case_id, agent_id, team_id, reopened_at, {Written} FROM case_reopen_facts WHERE {InCases}",
            caseIds, feedbackIds));
        batch.BatchCommands.Add(Command(
            $"SELECT feedback_id, survey_type, score, case_id, answered_at, {Written} FROM survey_facts WHERE {InCases} OR feedback_id = ANY($3)",
            caseIds, feedbackIds, surveyIds));
        // A case's feedback: the items naming it, and the item it was opened from (which may name none).
        batch.BatchCommands.Add(Command($"""
            SELECT feedback_id, kind, category, channel, case_id, received_at, {Written} FROM feedback_facts
            WHERE {InCases}
                OR feedback_id = ANY(ARRAY(SELECT unnest($2::uuid[]) UNION SELECT o.feedback_id FROM case_facts o WHERE o.case_id = ANY($1)))
            """, caseIds, feedbackIds));
        batch.BatchCommands.Add(Command($"""
            SELECT id, case_id, agent_id, team_id, reviewer_id, score, adjusted_score, reviewed_at, {Written}
            FROM qa_reviews WHERE calibration_id IS NULL AND {InCases}
            """, caseIds, feedbackIds));

        return await db.ReadBatchAsync(batch, async (reader, token) =>
        {
            var rows = new LiveFactRows();
            var busy = false;
            if (locked)
            {
                await reader.NextResultAsync(token);
                busy = await reader.ReadAsync(token) && !reader.GetBoolean(0);
                await reader.NextResultAsync(token);
            }

            await ReadAsync(reader, rows.Cases, r => new CaseFact
            {
                CaseId = r.GetGuid(0), FeedbackId = r.GetGuid(1), Category = r.GetString(2), Priority = r.GetInt32(3),
                TeamId = NullableString(r, 4), OpenedAt = r.GetFieldValue<DateTimeOffset>(5),
            }, token);
            await reader.NextResultAsync(token);
            await ReadAsync(reader, rows.Assignments, r => new CaseAssignmentFact
            {
                EventId = r.GetGuid(0), CaseId = r.GetGuid(1), AgentId = r.GetString(2), TeamId = r.GetString(3), AssignedAt = r.GetFieldValue<DateTimeOffset>(4),
            }, token);
            await reader.NextResultAsync(token);
            await ReadAsync(reader, rows.Responses, r => new CaseResponseFact
            {
                EventId = r.GetGuid(0), CaseId = r.GetGuid(1), AgentId = r.GetString(2), TeamId = NullableString(r, 3), IsFirstResponse = r.GetBoolean(4),
                ResponseTime = r.GetFieldValue<TimeSpan>(5), RespondedAt = r.GetFieldValue<DateTimeOffset>(6),
            }, token);
            await reader.NextResultAsync(token);
            await ReadAsync(reader, rows.Resolutions, r => new CaseResolutionFact
            {
                EventId = r.GetGuid(0), CaseId = r.GetGuid(1), AgentId = NullableString(r, 2), TeamId = NullableString(r, 3),
                ResolutionTime = r.GetFieldValue<TimeSpan>(4), FirstContactResolution = r.GetBoolean(5), SlaMet = r.GetBoolean(6),
                ResolvedAt = r.GetFieldValue<DateTimeOffset>(7),
            }, token);
            await reader.NextResultAsync(token);
            await ReadAsync(reader, rows.Reopens, r => new CaseReopenFact
            {
                EventId = r.GetGuid(0), CaseId = r.GetGuid(1), AgentId = NullableString(r, 2), TeamId = NullableString(r, 3),
                ReopenedAt = r.GetFieldValue<DateTimeOffset>(4),
            }, token);
            await reader.NextResultAsync(token);
            await ReadAsync(reader, rows.Surveys, r => new SurveyFact
            {
                FeedbackId = r.GetGuid(0), SurveyType = (SurveyType)r.GetInt32(1), Score = r.GetInt32(2),
                CaseId = r.IsDBNull(3) ? null : r.GetGuid(3), AnsweredAt = r.GetFieldValue<DateTimeOffset>(4),
            }, token);
            await reader.NextResultAsync(token);
            await ReadAsync(reader, rows.Feedback, r => new FeedbackFact
            {
                FeedbackId = r.GetGuid(0), Kind = (FeedbackKind)r.GetInt32(1), Category = r.GetString(2), Channel = r.GetString(3),
                CaseId = r.IsDBNull(4) ? null : r.GetGuid(4), ReceivedAt = r.GetFieldValue<DateTimeOffset>(5),
            }, token);
            await reader.NextResultAsync(token);
            // What the live values need of a review; its criterion scores are not read.
            await ReadAsync(reader, rows.Reviews, r => new QaReview
            {
                Id = r.GetGuid(0), CaseId = r.GetGuid(1), AgentId = r.GetString(2), TeamId = NullableString(r, 3), ReviewerId = r.GetString(4),
                Scores = [], Score = r.GetDouble(5), AdjustedScore = r.IsDBNull(6) ? null : r.GetDouble(6), ReviewedAt = r.GetFieldValue<DateTimeOffset>(7),
            }, token);
            var openedFrom = feedbackIds.ToHashSet();
            rows.Entities = [.. entities.Union(
                rows.Cases.Where(c => openedFrom.Contains(c.Fact.FeedbackId)).Select(c => LiveEntities.Case(c.Fact.CaseId)), StringComparer.Ordinal)];
            return busy ? throw new LiveEntityBusyException() : rows;
        }, ct);
    }

    private const string LockPrefix = "live:";

    /// <summary>The advisory lock key of an entity, apart from other locks the service takes.</summary>
    private static string LockKey(string entity) => LockPrefix + entity;

    /// <summary>The lock keys (as <see cref="LockKey"/> makes them) of the cases opened from the feedback items in <paramref name="feedbackIds"/>.</summary>
    private static string CaseLockKeysOpenedFrom(string feedbackIds) =>
        $"SELECT '{LockKey(LiveEntities.CasePrefix)}' || case_id::text FROM case_facts WHERE feedback_id = ANY({feedbackIds})";

    /// <summary>A statement whose parameters $1, $2, … are <paramref name="ids"/>, in order.</summary>
    private static NpgsqlBatchCommand Command(string sql, params Guid[][] ids)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var values in ids)
        {
            command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = values });
        }

        return command;
    }

    /// <summary>Reads a result's rows; each statement's last column says whether this transaction wrote the row.</summary>
    private static async Task ReadAsync<T>(NpgsqlDataReader reader, List<Marked<T>> rows, Func<NpgsqlDataReader, T> fact, CancellationToken ct)
    {
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new Marked<T>(fact(reader), reader.GetBoolean(reader.FieldCount - 1)));
        }
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
