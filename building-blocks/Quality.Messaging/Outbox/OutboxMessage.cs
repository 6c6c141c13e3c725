using Quality.Contracts;

namespace Quality.Messaging.Outbox;

/// <summary>An event written in the same transaction as the state change that caused it, waiting to be published.</summary>
public sealed class OutboxMessage
{
    /// <summary>The event id; it becomes the message id on the broker, so consumers' inboxes can spot a re-publish.</summary>
    public Guid Id { get; init; }

    /// <summary>The event's CLR type name, resolved against the contracts assembly when publishing.</summary>
    public required string MessageType { get; init; }

    public required string Payload { get; init; }
    public Guid CorrelationId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>
    /// The row for <paramref name="event"/>, as <see cref="OutboxDbContextExtensions.AddToOutbox"/> writes it; for
    /// writers that insert rows themselves (e.g. a bulk COPY) inside a transaction the relay is told about on commit.
    /// </summary>
    public static OutboxMessage For(IntegrationEvent @event) => new()
    {
        Id = @event.EventId,
        MessageType = OutboxSerializer.TypeName(@event.GetType()),
        Payload = OutboxSerializer.Serialize(@event),
        CorrelationId = @event.CorrelationId,
        CreatedAt = DateTimeOffset.UtcNow,
    };
}
