using Microsoft.EntityFrameworkCore;
using Quality.Contracts;

namespace Quality.Messaging.Outbox;

public static class OutboxDbContextExtensions
{
    /// <summary>
    /// Queues an event to be published once the surrounding SaveChanges (or explicit transaction) commits.
    /// If the state change rolls back, so does the event.
    /// </summary>
    public static void AddToOutbox(this DbContext dbContext, IntegrationEvent @event)
    {
        dbContext.Set<OutboxMessage>().Add(OutboxMessage.For(@event));
    }
}
