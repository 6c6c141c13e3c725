namespace Quality.Intake.Features.Privacy;

/// <summary>Who to erase: any of the customer's email, phone or source-system customer id.</summary>
public sealed record EraseCustomerRequest
{
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? CustomerId { get; init; }
}
