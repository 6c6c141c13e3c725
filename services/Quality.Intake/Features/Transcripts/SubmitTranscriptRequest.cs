using System.ComponentModel.DataAnnotations;
using Quality.Intake.Features.Privacy;

namespace Quality.Intake.Features.Transcripts;

/// <summary>A call or chat as speaker turns, in the order they were said.</summary>
public sealed record SubmitTranscriptRequest : IValidatableObject
{
    /// <summary>The call or conversation id in the contact-centre system; resubmitting it answers the original.</summary>
    [StringLength(200)]
    public string? ExternalId { get; init; }

    public List<TranscriptTurnRequest?>? Turns { get; init; }

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
