using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Quality.Routing.Features.Access;
using Quality.Routing.Features.Agents;
using Quality.Routing.Features.Calendars;
using Quality.Routing.Features.Cases;
using Quality.Routing.Features.Sla;
using Quality.Routing.Features.Teams;
using Quality.ServiceDefaults.Errors;

namespace Quality.Routing.Grpc;

/// <summary>The gRPC (and, by transcoding, HTTP) face of Routing: parses, delegates, maps. Rules live in the features.</summary>
public sealed class RoutingGrpcService(
    CaseQueries cases,
    CaseLifecycle lifecycle,
    TeamDirectory teams,
    AgentDirectory agents,
    CalendarDirectory calendars,
    SlaPolicyDirectory policies,
    SlaQueries sla)
    : RoutingService.RoutingServiceBase
{
    public override async Task<Case> GetCase(GetCaseRequest request, ServerCallContext context) =>
        await WithSlaDueAsync(await cases.GetAsync(Caller(context), CaseId(request.CaseId), context.CancellationToken), context);

    public override async Task<ListCasesResponse> ListCases(ListCasesRequest request, ServerCallContext context)
    {
        var filter = new CaseFilter(request.FeedbackId, request.Status, request.TeamId, request.AgentId, request.Priority, request.PageSize, request.PageToken,
            request.HasSlaBreached ? request.SlaBreached : null, request.HasEscalated ? request.Escalated : null);
        var (page, next) = await cases.ListAsync(Caller(context), filter, context.CancellationToken);
        var due = await cases.NextSlaDueAsync([.. page.Select(c => c.Id)], context.CancellationToken);
        return new ListCasesResponse
        {
            Cases = { page.Select(c => c.ToMessage(due.TryGetValue(c.Id, out var at) ? at : null)) },
            NextPageToken = next ?? "",
        };
    }

    public override async Task<CaseTimeline> GetCaseTimeline(GetCaseTimelineRequest request, ServerCallContext context) =>
        new() { Entries = { (await cases.TimelineAsync(Caller(context), CaseId(request.CaseId), context.CancellationToken)).Select(e => e.ToMessage()) } };

    public override async Task<Case> AssignCase(AssignCaseRequest request, ServerCallContext context) =>
        await WithSlaDueAsync(await lifecycle.AssignAsync(Caller(context), CaseId(request.CaseId), request.AgentId, request.Note, context.CancellationToken), context);

    public override async Task<Case> RecordResponse(RecordResponseRequest request, ServerCallContext context) =>
        await WithSlaDueAsync(await lifecycle.RecordResponseAsync(Caller(context), CaseId(request.CaseId), request.Note, context.CancellationToken), context);

    public override async Task<Case> ChangeStatus(ChangeStatusRequest request, ServerCallContext context) =>
        await WithSlaDueAsync(await lifecycle.ChangeStatusAsync(Caller(context), CaseId(request.CaseId), request.Status, request.Reason, context.CancellationToken), context);

    public override async Task<Case> ResolveCase(ResolveCaseRequest request, ServerCallContext context) =>
        await WithSlaDueAsync(await lifecycle.ResolveAsync(Caller(context), CaseId(request.CaseId), request.Note, context.CancellationToken), context);

    public override async Task<Case> ReopenCase(ReopenCaseRequest request, ServerCallContext context) =>
        await WithSlaDueAsync(await lifecycle.ReopenAsync(Caller(context), CaseId(request.CaseId), request.Reason, context.CancellationToken), context);

    public override async Task<Case> CloseCase(CloseCaseRequest request, ServerCallContext context) =>
        await WithSlaDueAsync(await lifecycle.CloseAsync(Caller(context), CaseId(request.CaseId), request.Reason, context.CancellationToken), context);

    public override async Task<Case> AcknowledgeEscalation(AcknowledgeEscalationRequest request, ServerCallContext context) =>
        await WithSlaDueAsync(await lifecycle.AcknowledgeEscalationAsync(Caller(context), CaseId(request.CaseId), request.Note, context.CancellationToken), context);

    public override async Task<Team> UpsertTeam(UpsertTeamRequest request, ServerCallContext context) =>
        (await teams.UpsertAsync(Caller(context), request.TeamId, request.Name, request.Assignment, context.CancellationToken)).ToMessage();

    public override async Task<Agent> UpsertAgent(UpsertAgentRequest request, ServerCallContext context) =>
        (await agents.UpsertAsync(Caller(context), request.ToDraft(), context.CancellationToken)).ToMessage();

    public override async Task<Agent> SetPresence(SetPresenceRequest request, ServerCallContext context) =>
        (await agents.SetPresenceAsync(Caller(context), request.AgentId, request.Presence, context.CancellationToken)).ToMessage();

    public override async Task<Agent> GetAgent(GetAgentRequest request, ServerCallContext context) =>
        (await agents.GetAsync(Caller(context), request.AgentId, context.CancellationToken)).ToMessage();

    public override async Task<ListAgentsResponse> ListAgents(ListAgentsRequest request, ServerCallContext context)
    {
        var (page, next) = await agents.ListAsync(Caller(context), request.TeamId, request.Presence, request.PageSize, request.PageToken, context.CancellationToken);
        return new ListAgentsResponse { Agents = { page.Select(a => a.ToMessage()) }, NextPageToken = next ?? "" };
    }

    public override async Task<CaseSla> GetCaseSla(GetCaseSlaRequest request, ServerCallContext context) =>
        (await sla.GetAsync(Caller(context), CaseId(request.CaseId), context.CancellationToken)).ToMessage();

    public override async Task<BusinessCalendar> UpsertCalendar(UpsertCalendarRequest request, ServerCallContext context) =>
        (await calendars.UpsertAsync(Caller(context), request.ToDraft(), context.CancellationToken)).ToMessage();

    public override async Task<BusinessCalendar> GetCalendar(GetCalendarRequest request, ServerCallContext context) =>
        (await calendars.GetAsync(request.CalendarId, context.CancellationToken)).ToMessage();

    public override async Task<ListCalendarsResponse> ListCalendars(ListCalendarsRequest request, ServerCallContext context) =>
        new() { Calendars = { (await calendars.ListAsync(context.CancellationToken)).Select(c => c.ToMessage()) } };

    public override async Task<CalendarState> GetCalendarState(GetCalendarStateRequest request, ServerCallContext context) =>
        (await calendars.StateAsync(request.CalendarId, Instant(request.At, "at"), context.CancellationToken)).ToMessage(request.CalendarId, request.At);

    public override async Task<SlaPolicy> UpsertSlaPolicy(UpsertSlaPolicyRequest request, ServerCallContext context) =>
        (await policies.UpsertAsync(Caller(context), request.ToDraft(), context.CancellationToken)).ToMessage();

    public override async Task<Empty> DeleteSlaPolicy(DeleteSlaPolicyRequest request, ServerCallContext context)
    {
        await policies.DeleteAsync(Caller(context), request.PolicyId, context.CancellationToken);
        return new Empty();
    }

    public override async Task<ListSlaPoliciesResponse> ListSlaPolicies(ListSlaPoliciesRequest request, ServerCallContext context) =>
        new() { Policies = { (await policies.ListAsync(context.CancellationToken)).Select(p => p.ToMessage()) } };

    /// <summary>A case as read or left by a change, with its nearest running SLA deadline read after the change.</summary>
    private async Task<Case> WithSlaDueAsync(Features.Cases.Case found, ServerCallContext context)
    {
        var due = await cases.NextSlaDueAsync([found.Id], context.CancellationToken);
        return found.ToMessage(due.TryGetValue(found.Id, out var at) ? at : null);
    }

    private static Caller Caller(ServerCallContext context) => Features.Access.Caller.From(context.GetHttpContext().User);

    /// <summary>The timestamp as an instant, null when unset; one out of the protobuf range is refused naming <paramref name="field"/>.</summary>
    private static DateTimeOffset? Instant(Timestamp? value, string field)
    {
        try
        {
            return value?.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw new RequestValidationException(field, "is not a valid timestamp");
        }
    }

    private static Guid CaseId(string value) => FieldErrors.ParseId(value, "case_id");
}
