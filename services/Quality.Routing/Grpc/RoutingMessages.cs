using Google.Protobuf.WellKnownTypes;
using Quality.Routing.Features.Agents;
using Quality.Routing.Features.Cases;
using AgentEntity = Quality.Routing.Features.Agents.Agent;
using Quality.Routing.Features.Escalation;
using CaseEntity = Quality.Routing.Features.Cases.Case;
using EscalationEntity = Quality.Routing.Features.Escalation.CaseEscalation;
using TeamEntity = Quality.Routing.Features.Teams.Team;
using TeamAssignmentNames = Quality.Routing.Features.Teams.TeamAssignmentNames;
using TimelineEntity = Quality.Routing.Features.Cases.TimelineEntry;

namespace Quality.Routing.Grpc;

/// <summary>Entities to their gRPC messages; absent times stay unset, absent ids are empty strings.</summary>
internal static class RoutingMessages
{
    /// <param name="slaDueAt">The nearest deadline of its running SLA clocks, where the caller read it.</param>
    public static Case ToMessage(this CaseEntity c, DateTimeOffset? slaDueAt = null) => new()
    {
        CaseId = c.Id.ToString(),
        FeedbackId = c.FeedbackId.ToString(),
        Status = c.Status.Name(),
        Category = c.Category,
        Severity = c.Severity,
        Priority = c.Priority,
        Channel = c.Channel,
        Language = c.Language,
        Summary = c.Summary,
        TeamId = c.TeamId ?? "",
        AgentId = c.AgentId ?? "",
        OpenedAt = Timestamp.FromDateTimeOffset(c.OpenedAt),
        AssignedAt = ToTimestamp(c.AssignedAt),
        FirstRespondedAt = ToTimestamp(c.FirstRespondedAt),
        ResolvedAt = ToTimestamp(c.ResolvedAt),
        ClosedAt = ToTimestamp(c.ClosedAt),
        ResponseCount = c.ResponseCount,
        ReopenCount = c.ReopenCount,
        SlaPolicyId = c.SlaPolicyId ?? "",
        SlaBreached = c.SlaBreachedAt is not null,
        SlaBreachedAt = ToTimestamp(c.SlaBreachedAt),
        Escalation = c.Escalation?.ToMessage(),
        SlaDueAt = ToTimestamp(slaDueAt),
    };

    public static Escalation ToMessage(this EscalationEntity e) => new()
    {
        State = e.State.Name(),
        Level = e.Level,
        Role = e.Role ?? "",
        Trigger = e.Trigger.Name(),
        Round = e.Round,
        StartedAt = Timestamp.FromDateTimeOffset(e.StartedAt),
        EscalatedAt = ToTimestamp(e.EscalatedAt),
        NextLevelAt = ToTimestamp(e.NextLevelAt),
        AcknowledgedAt = ToTimestamp(e.AcknowledgedAt),
        AcknowledgedBy = e.AcknowledgedBy ?? "",
    };

    public static TimelineEntry ToMessage(this TimelineEntity e) => new()
    {
        At = Timestamp.FromDateTimeOffset(e.At),
        Actor = e.Actor,
        Action = e.Action,
        FromStatus = e.FromStatus?.Name() ?? "",
        ToStatus = e.ToStatus?.Name() ?? "",
        AgentId = e.AgentId ?? "",
        PreviousAgentId = e.PreviousAgentId ?? "",
        Detail = e.Detail ?? "",
    };

    public static Team ToMessage(this TeamEntity t) => new() { TeamId = t.Id, Name = t.Name, Assignment = TeamAssignmentNames.Name(t.Assignment) };

    public static Agent ToMessage(this AgentEntity a) => new()
    {
        AgentId = a.Id,
        TeamId = a.TeamId,
        DisplayName = a.DisplayName,
        Categories = { a.Categories },
        Languages = { a.Languages },
        Channels = { a.Channels },
        Capacity = a.Capacity,
        Presence = a.Presence.Name(),
        ActiveCases = a.ActiveCases,
        LastAssignedAt = ToTimestamp(a.LastAssignedAt),
    };

    public static AgentDraft ToDraft(this UpsertAgentRequest r) =>
        new(r.AgentId, r.TeamId, r.DisplayName, r.Categories, r.Languages, r.Channels, r.HasCapacity ? r.Capacity : null);

    private static Timestamp? ToTimestamp(DateTimeOffset? value) => value is { } v ? Timestamp.FromDateTimeOffset(v) : null;
}
