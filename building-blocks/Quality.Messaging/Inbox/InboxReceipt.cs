namespace Quality.Messaging.Inbox;

/// <summary>A message's receipt key for one consumer: what <see cref="Inbox{TDbContext}"/> records once.</summary>
public sealed record InboxReceipt(string Consumer, Guid MessageId);
