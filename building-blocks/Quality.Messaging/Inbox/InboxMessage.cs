namespace Quality.Messaging.Inbox;

/// <summary>Proof that a consumer applied a message's effect; written in the effect's own transaction.</summary>
public sealed class InboxMessage
{
    public required string Consumer { get; init; }
    public Guid MessageId { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
}
