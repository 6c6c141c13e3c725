using Quality.Benchmarking.Corpus;
using Quality.Contracts.Intake;
using Quality.Intake.Classification.Model;

namespace Quality.Intake.Benchmarks;

/// <summary>The corpus only knows positive or negative: a negative review is a complaint, a positive one praise.</summary>
public static class LabelledReviews
{
    public static LabelledFeedback ToLabelled(this Review review) => new(review.Text, review.Positive ? FeedbackKind.Praise : FeedbackKind.Complaint);
}
