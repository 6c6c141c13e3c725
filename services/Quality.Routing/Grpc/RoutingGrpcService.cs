using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Quality.Routing.Features.Cases;
using Quality.Routing.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;
using CaseEntity = Quality.Routing.Features.Cases.Case;

namespace Quality.Routing.Grpc;

public sealed class RoutingGrpcService(RoutingDbContext db) : RoutingService.RoutingServiceBase
{
    private const int MaxPageSize = 200;

    public override async Task<Case> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        var id = ParseId(request.CaseId, "case_id");
        var found = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, context.CancellationToken);
        // Another team's case is reported as missing, so its existence does not leak.
        if (found is null || !CallerScope.From(context.GetHttpContext().User).CanSee(found.TeamId))
        {
            throw new NotFoundException($"Case {id} does not exist.");
        }

        return ToMessage(found);
    }

    public override async Task<ListCasesResponse> ListCases(ListCasesRequest request, ServerCallContext context)
    {
        var pageSize = request.PageSize switch
        {
            0 => 50,
            < 0 or > MaxPageSize => throw new RequestValidationException("page_size", $"must be between 1 and {MaxPageSize}"),
            _ => request.PageSize,
        };

        var query = db.Cases.AsNoTracking();
        if (request.FeedbackId.Length > 0)
        {
            var feedbackId = ParseId(request.FeedbackId, "feedback_id");
            query = query.Where(c => c.FeedbackId == feedbackId);
        }

        if (request.Status.Length > 0)
        {
            var status = ParseStatus(request.Status);
            query = query.Where(c => c.Status == status);
        }

        var scope = CallerScope.From(context.GetHttpContext().User);
        if (scope.Team is { } team)
        {
            query = query.Where(c => c.TeamId == team);
        }

        if (request.PageToken.Length > 0)
        {
            // Ids are version-7 UUIDs, so their order is opening order: the last id is a stable cursor.
            var after = ParseId(request.PageToken, "page_token");
            query = query.Where(c => c.Id.CompareTo(after) < 0);
        }

        var page = await query.OrderByDescending(c => c.Id).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        var response = new ListCasesResponse { Cases = { page.Take(pageSize).Select(ToMessage) } };
        if (page.Count > pageSize)
        {
            response.NextPageToken = page[pageSize - 1].Id.ToString();
        }

        return response;
    }

    private static Guid ParseId(string value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw new RequestValidationException(field, "must be a UUID");

    private static CaseStatus ParseStatus(string value) =>
        System.Enum.TryParse<CaseStatus>(value.Replace("_", ""), ignoreCase: true, out var status) && System.Enum.IsDefined(status)
            ? status
            : throw new RequestValidationException("status", "must be one of open, assigned, pending_customer, resolved, closed");

    private static Case ToMessage(CaseEntity c) => new()
    {
        CaseId = c.Id.ToString(),
        FeedbackId = c.FeedbackId.ToString(),
        Status = c.Status switch { CaseStatus.PendingCustomer => "pending_customer", var s => s.ToString().ToLowerInvariant() },
        Category = c.Category,
        Severity = c.Severity,
        Priority = c.Priority,
        Channel = c.Channel,
        Language = c.Language,
        Summary = c.Summary,
        TeamId = c.TeamId ?? "",
        AgentId = c.AgentId ?? "",
        OpenedAt = Timestamp.FromDateTimeOffset(c.OpenedAt),
    };
}
