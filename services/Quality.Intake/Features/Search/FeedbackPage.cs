using Quality.Intake.Features.Feedback;

namespace Quality.Intake.Features.Search;

/// <param name="NextPageToken">Null on the last page.</param>
public sealed record FeedbackPage(IReadOnlyList<FeedbackItem> Items, string? NextPageToken);
