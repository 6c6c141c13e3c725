using System.ComponentModel.DataAnnotations;

namespace Quality.Intake.Features.Privacy;

/// <summary>
/// Who the customer is, as every channel that takes it in a request names it: an opaque id and tier from the source
/// system, and contact data that is stored encrypted and shown masked.
/// </summary>
public abstract record CustomerFields : IValidatableObject
{
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

    /// <summary>The pseudonym events carry for this customer (<see cref="CustomerKeys.For"/>).</summary>
    public string? CustomerKey() => CustomerKeys.For(CustomerId, CustomerEmail);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => ContactRules.Validate(CustomerEmail, CustomerPhone, CustomerName);
}
