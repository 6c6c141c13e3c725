using Microsoft.EntityFrameworkCore;
using Quality.Contracts;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
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
    /// <summary>Stores any event that has a fact table; the one entry point for <c>FactConsumer&lt;TEvent&gt;</c>.</summary>
    public Task RecordAsync(IntegrationEvent e, CancellationToken ct) => e switch
    {
        CaseOpened opened => RecordAsync(opened, ct),
        FeedbackReceived received => RecordAsync(received, ct),
        SurveyAnswered answered => RecordAsync(answered, ct),
        CaseAssigned assigned => RecordAsync(assigned, ct),
        CaseResponded responded => RecordAsync(responded, ct),
        CaseResolved resolved => RecordAsync(resolved, ct),
        CaseReopened reopened => RecordAsync(reopened, ct),
        _ => throw new ArgumentException($"{e.GetType().Name} has no fact table.", nameof(e)),
    };

    public Task RecordAsync(CaseOpened e, CancellationToken ct) => db.Database.ExecuteSqlInterpolatedAsync($"""
        INSERT INTO case_facts (case_id, feedback_id, category, priority, team_id, opened_at)
        VALUES ({e.CaseId}, {e.FeedbackId}, {e.Category}, {e.Priority}, {e.TeamId}, {e.OpenedAt})
        ON CONFLICT DO NOTHING
        """, ct);

    public Task RecordAsync(FeedbackReceived e, CancellationToken ct) => db.Database.ExecuteSqlInterpolatedAsync($"""
        INSERT INTO feedback_facts (feedback_id, kind, category, channel, case_id, received_at)
        VALUES ({e.FeedbackId}, {(int)e.Kind}, {e.Category}, {e.Channel}, {e.CaseId}, {e.ReceivedAt})
        ON CONFLICT DO NOTHING
        """, ct);

    public Task RecordAsync(SurveyAnswered e, CancellationToken ct) => db.Database.ExecuteSqlInterpolatedAsync($"""
        INSERT INTO survey_facts (feedback_id, survey_type, score, case_id, answered_at)
        VALUES ({e.FeedbackId}, {(int)e.SurveyType}, {e.Score}, {e.CaseId}, {e.AnsweredAt})
        ON CONFLICT DO NOTHING
        """, ct);

    public Task RecordAsync(CaseAssigned e, CancellationToken ct) => db.Database.ExecuteSqlInterpolatedAsync($"""
        INSERT INTO case_assignment_facts (event_id, case_id, agent_id, team_id, assigned_at)
        VALUES ({e.EventId}, {e.CaseId}, {e.AgentId}, {e.TeamId}, {e.AssignedAt})
        ON CONFLICT DO NOTHING
        """, ct);

    public Task RecordAsync(CaseResponded e, CancellationToken ct) => db.Database.ExecuteSqlInterpolatedAsync($"""
        INSERT INTO case_response_facts (event_id, case_id, agent_id, team_id, is_first_response, response_time, responded_at)
        VALUES ({e.EventId}, {e.CaseId}, {e.AgentId}, {e.TeamId}, {e.IsFirstResponse}, {e.ResponseTime}, {e.RespondedAt})
        ON CONFLICT DO NOTHING
        """, ct);

    public Task RecordAsync(CaseResolved e, CancellationToken ct) => db.Database.ExecuteSqlInterpolatedAsync($"""
        INSERT INTO case_resolution_facts (event_id, case_id, agent_id, team_id, resolution_time, first_contact_resolution, sla_met, resolved_at)
        VALUES ({e.EventId}, {e.CaseId}, {e.AgentId}, {e.TeamId}, {e.ResolutionTime}, {e.FirstContactResolution}, {e.SlaMet}, {e.ResolvedAt})
        ON CONFLICT DO NOTHING
        """, ct);

    public Task RecordAsync(CaseReopened e, CancellationToken ct) => db.Database.ExecuteSqlInterpolatedAsync($"""
        INSERT INTO case_reopen_facts (event_id, case_id, agent_id, team_id, reopened_at)
        VALUES ({e.EventId}, {e.CaseId}, {e.AgentId}, {e.TeamId}, {e.OccurredAt})
        ON CONFLICT DO NOTHING
        """, ct);
}
