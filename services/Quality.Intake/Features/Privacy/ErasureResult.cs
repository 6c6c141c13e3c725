namespace Quality.Intake.Features.Privacy;

/// <param name="AuditId">The audit entry that records the erasure.</param>
/// <param name="Items">How many feedback items had the customer's data erased.</param>
public sealed record ErasureResult(Guid AuditId, int Items);
