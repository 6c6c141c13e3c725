using Npgsql;
using Quality.Contracts;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
using Quality.Messaging.Persistence;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Features.Facts;

/// <summary>
/// Stores events as facts; called inside a consumer's inbox transaction. Each insert is
/// <c>ON CONFLICT DO NOTHING</c> on the fact's natural key, so a duplicate (even one re-published under a new
/// message id, which the inbox cannot recognise) changes nothing, and two copies racing serialise on the key.
/// Nothing here depends on arrival order: attribution to an agent or team is worked out when KPIs are read.
/// </summary>
public sealed class FactRecorder(ScoringDbContext db)
{
    /// <summary>Stores any event that has a fact table; the one entry point for one message.</summary>
    public Task RecordAsync(IntegrationEvent e, CancellationToken ct) => RecordAsync([e], ct);

    /// <summary>
    /// Stores a batch of events in one round trip: one statement per fact table, its rows taken from arrays
    /// (<c>unnest</c>) and inserted in key order, so two batches holding the same facts lock their keys in the same
    /// order and cannot deadlock on each other.
    /// </summary>
    public async Task RecordAsync(IReadOnlyCollection<IntegrationEvent> events, CancellationToken ct)
    {
        if (events.FirstOrDefault(e => !HasFacts(e)) is { } other)
        {
            throw new ArgumentException($"{other.GetType().Name} has no fact table.", nameof(events));
        }

        await using var batch = new NpgsqlBatch();
        new FactRows<CaseOpened>(events)
            .Column(e => e.CaseId)
            .Column(e => e.FeedbackId)
            .Column(e => e.Category)
            .Column(e => e.Priority)
            .Column(e => e.TeamId)
            .Column(e => e.OpenedAt.ToUniversalTime())
            .AddTo(batch, """
            INSERT INTO case_facts (case_id, feedback_id, category, priority, team_id, opened_at)
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6) ORDER BY 1 ON CONFLICT DO NOTHING
            """);
        new FactRows<FeedbackReceived>(events)
            .Column(e => e.FeedbackId)
            .Column(e => (int)e.Kind)
            .Column(e => e.Category)
            .Column(e => e.Channel)
            .Column(e => e.CaseId)
            .Column(e => e.ReceivedAt.ToUniversalTime())
            .AddTo(batch, """
            INSERT INTO feedback_facts (feedback_id, kind, category, channel, case_id, received_at)
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6) ORDER BY 1 ON CONFLICT DO NOTHING
            """);
        new FactRows<SurveyAnswered>(events)
            .Column(e => e.FeedbackId)
            .Column(e => (int)e.SurveyType)
            .Column(e => e.Score)
            .Column(e => e.CaseId)
            .Column(e => e.AnsweredAt.ToUniversalTime())
            .AddTo(batch, """
            INSERT INTO survey_facts (feedback_id, survey_type, score, case_id, answered_at)
            SELECT * FROM unnest($1, $2, $3, $4, $5) ORDER BY 1, 2 ON CONFLICT DO NOTHING
            """);
        new FactRows<CaseAssigned>(events)
            .Column(e => e.EventId)
            .Column(e => e.CaseId)
            .Column(e => e.AgentId)
            .Column(e => e.TeamId)
            .Column(e => e.AssignedAt.ToUniversalTime())
            .AddTo(batch, """
            INSERT INTO case_assignment_facts (event_id, case_id, agent_id, team_id, assigned_at)
            SELECT * FROM unnest($1, $2, $3, $4, $5) ORDER BY 1 ON CONFLICT DO NOTHING
            """);
        new FactRows<CaseResponded>(events)
            .Column(e => e.EventId)
            .Column(e => e.CaseId)
            .Column(e => e.AgentId)
            .Column(e => e.TeamId)
            .Column(e => e.IsFirstResponse)
            .Column(e => e.ResponseTime)
            .Column(e => e.RespondedAt.ToUniversalTime())
            .AddTo(batch, """
            INSERT INTO case_response_facts (event_id, case_id, agent_id, team_id, is_first_response, response_time, responded_at)
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7) ORDER BY 1 ON CONFLICT DO NOTHING
            """);
        new FactRows<CaseResolved>(events)
            .Column(e => e.EventId)
            .Column(e => e.CaseId)
            .Column(e => e.AgentId)
            .Column(e => e.TeamId)
            .Column(e => e.ResolutionTime)
            .Column(e => e.FirstContactResolution)
            .Column(e => e.SlaMet)
            .Column(e => e.ResolvedAt.ToUniversalTime())
            .AddTo(batch, """
            INSERT INTO case_resolution_facts (event_id, case_id, agent_id, team_id, resolution_time, first_contact_resolution, sla_met, resolved_at)
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8) ORDER BY 1 ON CONFLICT DO NOTHING
            """);
        new FactRows<CaseReopened>(events)
            .Column(e => e.EventId)
            .Column(e => e.CaseId)
            .Column(e => e.AgentId)
            .Column(e => e.TeamId)
            .Column(e => e.OccurredAt.ToUniversalTime())
            .AddTo(batch, """
            INSERT INTO case_reopen_facts (event_id, case_id, agent_id, team_id, reopened_at)
            SELECT * FROM unnest($1, $2, $3, $4, $5) ORDER BY 1 ON CONFLICT DO NOTHING
            """);
        if (batch.BatchCommands.Count == 0)
        {
            return;
        }

        // In the inbox's transaction.
        await db.ExecuteBatchAsync(batch, ct);
    }

    public static bool HasFacts(IntegrationEvent e) =>
        e is CaseOpened or FeedbackReceived or SurveyAnswered or CaseAssigned or CaseResponded or CaseResolved or CaseReopened;}
