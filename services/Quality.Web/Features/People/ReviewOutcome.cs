using Quality.Scoring.Grpc;

namespace Quality.Web.Features.People;

/// <summary>Where a QA review's dispute stands: none, open (not yet decided), upheld or overturned.</summary>
public static class ReviewOutcome
{
    public static string Of(ReviewReport review) => review.Dispute switch
    {
        null => "none",
        { Outcome: "" } => "open",
        { Outcome: var outcome } => outcome,
    };

    /// <summary>Whether the score that counts differs from the score given (an overturned dispute's adjusted score).</summary>
    public static bool Adjusted(ReviewReport review) => Math.Abs(review.FinalScore - review.Score) > 1e-9;
}
