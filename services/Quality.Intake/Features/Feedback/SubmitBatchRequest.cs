namespace Quality.Intake.Features.Feedback;

/// <summary>Up to <see cref="FeedbackBatchSubmitter.MaxItems"/> items; each is judged on its own.</summary>
public sealed record SubmitBatchRequest
{
    public List<SubmitFeedbackRequest?>? Items { get; init; }
}
