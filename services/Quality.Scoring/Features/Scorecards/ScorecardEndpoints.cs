using Quality.Scoring.Features.Kpis;

namespace Quality.Scoring.Features.Scorecards;

/// <summary>
/// <c>/api/scorecards</c>: plain HTTP endpoints (not transcoded) so bad input answers ProblemDetails naming the field.
/// gRPC callers use <c>ScoringService.GetScorecard</c>, which shares <see cref="ScorecardQuery"/>.
/// </summary>
public static class ScorecardEndpoints
{
    public static void MapScorecardEndpoints(this IEndpointRouteBuilder app)
    {
        var scorecards = app.MapGroup("/api/scorecards").WithTags("Scorecards");
        scorecards.MapGet("/agents/{agentId}", (string agentId, ScorecardQuery query, HttpContext http, CancellationToken ct,
            string? period = null, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
            GetAsync(query, http, ScopeKind.Agent, agentId, period, from, to, ct));
        scorecards.MapGet("/teams/{teamId}", (string teamId, ScorecardQuery query, HttpContext http, CancellationToken ct,
            string? period = null, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
            GetAsync(query, http, ScopeKind.Team, teamId, period, from, to, ct));
    }

    private static async Task<ScorecardResponse> GetAsync(
        ScorecardQuery query, HttpContext http, ScopeKind kind, string id, string? period, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct) =>
        ScorecardResponse.Of(await query.GetAsync(http.User, kind, id, period, from, to, ct));
}
