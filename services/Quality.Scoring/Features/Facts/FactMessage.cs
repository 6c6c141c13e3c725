using Quality.Contracts;
using Quality.Messaging.Inbox;

namespace Quality.Scoring.Features.Facts;

/// <summary>A consumed event waiting to be stored as a fact, with the inbox receipt that makes it count once.</summary>
public sealed record FactMessage(InboxReceipt Receipt, IntegrationEvent Event);
