using System.Security.Claims;
using Quality.Scoring.Grpc;
using Quality.Web.Account;

namespace Quality.Web.Features.Goals;

/// <summary>Scoring's goals as the signed-in person may see them (Scoring scopes the list to their team or themselves).</summary>
public sealed class GoalService(ScoringService.ScoringServiceClient scoring, PersonTokens tokens)
{
    public const int Limit = 100;

    /// <summary>States the view offers; anything else (a crafted value) reads the open goals.</summary>
    public static readonly IReadOnlyList<string> States = ["open", "decided", "all"];

    public async Task<IReadOnlyList<GoalReport>> ListAsync(ClaimsPrincipal person, string state, CancellationToken ct)
    {
        var request = new ListGoalsRequest { State = States.Contains(state) ? state : "open", Limit = Limit };
        var response = await scoring.ListGoalsAsync(request, tokens.Headers(person), cancellationToken: ct);
        return GoalOrder.Order(response.Goals);
    }
}
