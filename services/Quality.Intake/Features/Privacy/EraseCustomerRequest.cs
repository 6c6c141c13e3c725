using System.ComponentModel.DataAnnotations;

namespace Quality.Intake.Features.Privacy;

/// <summary>Who to erase: any of the customer's email, phone or source-system customer id.</summary>
public sealed record EraseCustomerRequest : IValidatableObject
{
    [StringLength(254)]
    public string? Email { get; init; }

    [StringLength(40)]
    public string? Phone { get; init; }

    [StringLength(200)]
    public string? CustomerId { get; init; }

    /// <summary>An address or number that could never have been stored is a mistake to point out, not a customer to look for.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        ContactRules.Validate(Email, Phone, name: null, nameof(Email), nameof(Phone));
}
