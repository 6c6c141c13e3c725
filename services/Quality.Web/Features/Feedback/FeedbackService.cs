using System.Security.Claims;
using Google.Protobuf.WellKnownTypes;
using Quality.Intake.Grpc;
using Quality.Scoring.Grpc;
using Quality.Web.Account;

namespace Quality.Web.Features.Feedback;

/// <summary>
/// Incoming feedback as Intake counts and lists it (contact data masked by Intake), and complaint surges as Scoring
/// tracks them; asked as the signed-in person, so Intake's and Scoring's role checks apply.
/// </summary>
public sealed class FeedbackService(IntakeService.IntakeServiceClient intake, ScoringService.ScoringServiceClient scoring, PersonTokens tokens, TimeProvider time)
{
    public const int LatestCount = 20;

    public async Task<FeedbackOverview> ReadAsync(ClaimsPrincipal person, string period, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var from = Timestamp.FromDateTimeOffset(FeedbackPeriod.Named(period).StartBefore(now));
        var to = Timestamp.FromDateTimeOffset(now);
        var counts = intake.CountFeedbackAsync(new CountFeedbackRequest { From = from, To = to }, tokens.Headers(person), cancellationToken: ct);
        var latest = intake.ListFeedbackAsync(new ListFeedbackRequest { From = from, To = to, PageSize = LatestCount }, tokens.Headers(person), cancellationToken: ct);
        var surges = scoring.ListSurgesAsync(new ListSurgesRequest(), tokens.Headers(person), cancellationToken: ct);
        return new FeedbackOverview(await counts, (await latest).Items, (await surges).Surges);
    }
}
