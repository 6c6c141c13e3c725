namespace Quality.Scoring.Features.QaReviews;

/// <summary>A quality manager's decision on a disputed review.</summary>
public enum DisputeOutcome
{
    /// <summary>The review stands as scored.</summary>
    Upheld,

    /// <summary>The review's score is replaced by an adjusted one.</summary>
    Overturned,
}
