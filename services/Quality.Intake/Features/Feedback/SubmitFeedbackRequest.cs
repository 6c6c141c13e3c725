using System.ComponentModel.DataAnnotations;
using Quality.Intake.Features.Privacy;

namespace Quality.Intake.Features.Feedback;

/// <summary>One feedback item sent through the JSON API.</summary>
public sealed record SubmitFeedbackRequest : CustomerFields
{
    /// <summary>The source system's id; resubmitting it answers the original item.</summary>
    [StringLength(200)]
    public string? ExternalId { get; init; }

    [Required, StringLength(20_000, MinimumLength = 1)]
    public string Text { get; init; } = "";
}
