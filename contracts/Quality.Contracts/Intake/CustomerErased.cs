namespace Quality.Contracts.Intake;

/// <summary>
/// A customer's personal data was erased from Intake on request, so services that copied anything about
/// them (a case's customer key, a fact's customer) can erase it too. Carries no contact data: the customer is
/// named by Intake's keyed lookup hash, and their items by feedback id. The correlation id is the erasure's
/// audit entry.
/// </summary>
public sealed record CustomerErased : IntegrationEvent
{
    /// <summary>The pseudonymised subject, as in Intake's audit log: <c>email-lookup:&lt;hex&gt;</c>, <c>phone-lookup:…</c> or <c>customer-id-sha256:…</c>.</summary>
    public required string Subject { get; init; }

    /// <summary>The feedback items whose personal data was erased (their classification stays).</summary>
    public required IReadOnlyList<Guid> FeedbackIds { get; init; }

    public required DateTimeOffset ErasedAt { get; init; }
}
