namespace Quality.Messaging.Outbox;

/// <summary>What the outbox holds unpublished: how many events (counted up to a limit) and when the oldest was written.</summary>
public sealed record OutboxBacklog(int Waiting, DateTimeOffset? OldestCreatedAt);
