using System.ComponentModel.DataAnnotations;

namespace Quality.Intake.Features.Privacy;

/// <summary>Who to erase: any of the customer's email, phone or source-system customer id.</summary>
public sealed record EraseCustomerRequest
{
    [StringLength(254)]
    public string? Email { get; init; }

    [StringLength(40)]
    public string? Phone { get; init; }

    [StringLength(200)]
    public string? CustomerId { get; init; }
}
