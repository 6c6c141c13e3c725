using System.Security.Claims;
using Quality.Routing.Grpc;
using Quality.Web.Account;

namespace Quality.Web.Features.Queue;

/// <summary>Routing's cases as the signed-in person may see and change them; Routing applies its own role and team checks.</summary>
public sealed class CaseService(RoutingService.RoutingServiceClient routing, PersonTokens tokens)
{
    /// <summary>Cases asked per status; the queue says when there are more.</summary>
    public const int PageSize = 100;

    public async Task<QueuePage> QueueAsync(ClaimsPrincipal person, QueueFilter filter, CancellationToken ct)
    {
        var pages = await Task.WhenAll(filter.Statuses.Select(status =>
        {
            var request = new ListCasesRequest { Status = status, TeamId = filter.Team.Trim(), Priority = filter.ValidPriority, PageSize = PageSize };
            if (filter.Breached is { } breached)
            {
                request.SlaBreached = breached;
            }

            if (filter.Escalated is { } escalated)
            {
                request.Escalated = escalated;
            }

            return routing.ListCasesAsync(request, tokens.Headers(person), cancellationToken: ct).ResponseAsync;
        }));

        // Each case comes with its nearest running SLA deadline: no call per case.
        var items = pages.SelectMany(p => p.Cases).Select(c => new QueueItem(c, c.SlaDueAt?.ToDateTimeOffset()));
        return new QueuePage(QueueItem.Order(items), pages.Any(p => p.NextPageToken.Length > 0));
    }

    public async Task<Case> GetAsync(ClaimsPrincipal person, string caseId, CancellationToken ct) =>
        await routing.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, tokens.Headers(person), cancellationToken: ct);

    public async Task<CaseTimeline> TimelineAsync(ClaimsPrincipal person, string caseId, CancellationToken ct) =>
        await routing.GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = caseId }, tokens.Headers(person), cancellationToken: ct);

    public async Task<CaseSla> SlaAsync(ClaimsPrincipal person, string caseId, CancellationToken ct) =>
        await routing.GetCaseSlaAsync(new GetCaseSlaRequest { CaseId = caseId }, tokens.Headers(person), cancellationToken: ct);

    /// <summary>The agents a case could go to: its team's, or everyone's the person may see when no team holds it.</summary>
    public async Task<IReadOnlyList<Agent>> AgentsAsync(ClaimsPrincipal person, string teamId, CancellationToken ct)
    {
        var response = await routing.ListAgentsAsync(new ListAgentsRequest { TeamId = teamId, PageSize = 200 }, tokens.Headers(person), cancellationToken: ct);
        return [.. response.Agents.OrderBy(a => a.AgentId, StringComparer.Ordinal)];
    }

    public async Task<Case> AcknowledgeEscalationAsync(ClaimsPrincipal person, string caseId, CancellationToken ct) =>
        await routing.AcknowledgeEscalationAsync(new AcknowledgeEscalationRequest { CaseId = caseId }, tokens.Headers(person), cancellationToken: ct);

    public async Task<Case> AssignAsync(ClaimsPrincipal person, string caseId, string agentId, string note, CancellationToken ct) =>
        await routing.AssignCaseAsync(new AssignCaseRequest { CaseId = caseId, AgentId = agentId, Note = note }, tokens.Headers(person), cancellationToken: ct);
}
