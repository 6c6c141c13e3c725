using Quality.Contracts.Intake;

namespace Quality.Intake.Features.Feedback;

/// <param name="Duplicate">True when (channel, external id) had been seen: the id is the original item's.</param>
public sealed record SubmitFeedbackResponse(
    Guid FeedbackId, bool Duplicate, FeedbackKind Kind, string Category, int Severity, double Sentiment, string Language);
