namespace Quality.Contracts;

/// <summary>
/// What every event carries. The correlation id is the feedback id that started the chain, from intake
/// to the last alert; traces and logs follow it.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    public required Guid CorrelationId { get; init; }

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
