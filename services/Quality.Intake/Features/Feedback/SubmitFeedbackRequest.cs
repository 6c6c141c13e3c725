using System.ComponentModel.DataAnnotations;

namespace Quality.Intake.Features.Feedback;

/// <summary>One feedback item sent through the JSON API.</summary>
public sealed record SubmitFeedbackRequest
{
    /// <summary>The source system's id; resubmitting it answers the original item.</summary>
    [StringLength(200)]
    public string? ExternalId { get; init; }

    [Required, StringLength(20_000, MinimumLength = 1)]
    public string Text { get; init; } = "";

    /// <summary>An opaque, non-personal customer reference from the source system.</summary>
    [StringLength(200)]
    public string? CustomerId { get; init; }

    [StringLength(40)]
    public string? CustomerTier { get; init; }
}
