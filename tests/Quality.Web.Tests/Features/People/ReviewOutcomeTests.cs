using Quality.Scoring.Grpc;
using Quality.Web.Features.People;

namespace Quality.Web.Tests.Features.People;

public sealed class ReviewOutcomeTests
{
    [Fact]
    public void A_review_without_a_dispute_has_none()
    {
        var review = new ReviewReport { Score = 80, FinalScore = 80 };
        Assert.Equal(("none", false), (ReviewOutcome.Of(review), ReviewOutcome.Adjusted(review)));
    }

    [Fact]
    public void A_dispute_without_an_outcome_is_open()
    {
        var review = new ReviewReport { Score = 80, FinalScore = 80, Dispute = new DisputeReport { Reason = "the greeting was complete" } };
        Assert.Equal(("open", false), (ReviewOutcome.Of(review), ReviewOutcome.Adjusted(review)));
    }

    [Fact]
    public void A_decided_dispute_shows_its_outcome_and_an_overturned_one_its_adjusted_score()
    {
        var upheld = new ReviewReport { Score = 0, FinalScore = 0, Failed = true, Dispute = new DisputeReport { Outcome = "upheld" } };
        var overturned = new ReviewReport { Score = 60, FinalScore = 90, Dispute = new DisputeReport { Outcome = "overturned", AdjustedScore = 90 } };
        Assert.Equal(("upheld", false), (ReviewOutcome.Of(upheld), ReviewOutcome.Adjusted(upheld)));
        Assert.Equal(("overturned", true), (ReviewOutcome.Of(overturned), ReviewOutcome.Adjusted(overturned)));
    }
}
