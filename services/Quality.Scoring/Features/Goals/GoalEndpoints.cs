namespace Quality.Scoring.Features.Goals;

/// <summary>
/// <c>/api/goals</c>: plain HTTP endpoints (not transcoded) so bad input answers ProblemDetails naming each field.
/// gRPC callers use <c>ScoringService.CreateGoal</c> and friends, which share <see cref="GoalService"/>.
/// </summary>
public static class GoalEndpoints
{
    public static void MapGoalEndpoints(this IEndpointRouteBuilder app)
    {
        var goals = app.MapGroup("/api/goals").WithTags("Goals");
        goals.MapPost("/", CreateAsync);
        goals.MapGet("/", ListAsync);
        goals.MapGet("/{id:guid}", GetAsync);
        goals.MapDelete("/{id:guid}", CancelAsync);
    }

    private static async Task<IResult> CreateAsync(CreateGoalRequest request, GoalService goals, HttpContext http, CancellationToken ct)
    {
        var view = await goals.CreateAsync(http.User, request, ct);
        return TypedResults.Created($"/api/goals/{view.Goal.Id}", GoalResponse.From(view));
    }

    private static async Task<GoalResponse> GetAsync(Guid id, GoalService goals, HttpContext http, CancellationToken ct) =>
        GoalResponse.From(await goals.GetAsync(http.User, id, ct));

    private static async Task<List<GoalResponse>> ListAsync(
        GoalService goals, HttpContext http, CancellationToken ct,
        string? scope = null, string? scopeId = null, string? ownerId = null, string? state = null, int limit = 0) =>
        [.. (await goals.ListAsync(http.User, new GoalListFilter(scope, scopeId, ownerId, state, limit), ct)).Select(GoalResponse.From)];

    private static async Task<GoalResponse> CancelAsync(Guid id, GoalService goals, HttpContext http, CancellationToken ct) =>
        GoalResponse.From(await goals.CancelAsync(http.User, id, ct));
}
