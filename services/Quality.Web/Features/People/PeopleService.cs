using System.Security.Claims;
using Quality.Scoring.Grpc;
using Quality.Web.Account;

namespace Quality.Web.Features.People;

/// <summary>
/// Scoring's leaderboards, scorecards, QA reviews and calibration sessions, always asked as the signed-in person:
/// Scoring decides what they may read (their team, themselves) and the view shows its refusals.
/// </summary>
public sealed class PeopleService(ScoringService.ScoringServiceClient scoring, QaService.QaServiceClient qa, PersonTokens tokens)
{
    public const int BoardSize = 20;
    public const int ReviewCount = 20;
    public const int CalibrationCount = 10;

    public async Task<Leaderboard> LeaderboardAsync(ClaimsPrincipal person, string metric, string period, CancellationToken ct)
    {
        var scope = PeopleScope.For(person);
        var request = new GetLeaderboardRequest
        {
            Metric = PeopleChoices.Pick(PeopleChoices.Metrics, metric),
            Period = PeopleChoices.Pick(PeopleChoices.BoardPeriods, period),
            Scope = scope.Board,
            ScopeId = scope.TeamId,
            Limit = BoardSize,
            MinSamples = 1,
        };
        return await scoring.GetLeaderboardAsync(request, tokens.Headers(person), cancellationToken: ct);
    }

    public async Task<ScorecardReport> ScorecardAsync(ClaimsPrincipal person, string agentId, string period, CancellationToken ct) =>
        await scoring.GetScorecardAsync(
            new GetScorecardRequest { Scope = "agent", ScopeId = agentId, Period = PeopleChoices.Pick(PeopleChoices.ScorecardPeriods, period) },
            tokens.Headers(person), cancellationToken: ct);

    /// <summary>The newest reviews the person may read, of one agent when given.</summary>
    public async Task<IReadOnlyList<ReviewReport>> ReviewsAsync(ClaimsPrincipal person, string? agentId, CancellationToken ct) =>
        (await qa.ListReviewsAsync(new ListReviewsRequest { AgentId = agentId ?? "", Limit = ReviewCount }, tokens.Headers(person), cancellationToken: ct)).Reviews;

    public async Task<IReadOnlyList<CalibrationSessionReport>> CalibrationsAsync(ClaimsPrincipal person, string? agentId, CancellationToken ct) =>
        (await qa.ListCalibrationsAsync(new ListCalibrationsRequest { AgentId = agentId ?? "", Limit = CalibrationCount }, tokens.Headers(person), cancellationToken: ct)).Sessions;
}
