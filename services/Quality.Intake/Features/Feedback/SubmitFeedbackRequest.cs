using System.ComponentModel.DataAnnotations;
using Quality.Intake.Features.Privacy;

namespace Quality.Intake.Features.Feedback;

/// <summary>One feedback item sent through the JSON API.</summary>
public sealed record SubmitFeedbackRequest : IValidatableObject
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

    /// <summary>Contact data: stored encrypted, shown masked.</summary>
    public string? CustomerEmail { get; init; }

    public string? CustomerPhone { get; init; }
    public string? CustomerName { get; init; }

    public CustomerContact? Contact() => CustomerContact.From(CustomerEmail, CustomerPhone, CustomerName);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => ContactRules.Validate(CustomerEmail, CustomerPhone, CustomerName);
}
