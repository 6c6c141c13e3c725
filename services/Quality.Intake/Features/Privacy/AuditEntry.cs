namespace Quality.Intake.Features.Privacy;

/// <summary>A privileged action: who did what to which subject, and when. Never holds contact data in clear.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Actor { get; init; }

    /// <summary>e.g. <c>customer.erase</c>, <c>pii.re-encrypt</c>.</summary>
    public required string Action { get; init; }

    /// <summary>What it was done to, pseudonymised (a lookup hash or a customer key).</summary>
    public required string Subject { get; init; }

    public required string Details { get; init; }
}
