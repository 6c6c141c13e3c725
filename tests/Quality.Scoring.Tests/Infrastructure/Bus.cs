using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Tests.Infrastructure;

/// <summary>Publishes on the real broker from the service's own bus, and reads which messages its inbox consumed.</summary>
public static class Bus
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Publishes every event of the history, each under a fresh message id; returns the ids.</summary>
    public static async Task<List<Guid>> PublishAllAsync(ScoringHost host, FixedHistory history)
    {
        var bus = host.Services.GetRequiredService<IBus>();
        var ids = new List<Guid>();
        foreach (var message in history.Events)
        {
            var id = Guid.NewGuid();
            ids.Add(id);
            await bus.Publish(message, message.GetType(), context => context.MessageId = id, Cancellation);
        }

        return ids;
    }

    /// <summary>How many of <paramref name="messageIds"/> the service's consumers have committed.</summary>
    public static async Task<int> ConsumedAsync(ScoringHost host, List<Guid> messageIds)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        return await db.Database
            .SqlQuery<int>($"SELECT count(DISTINCT message_id)::int AS \"Value\" FROM inbox_messages WHERE message_id = ANY({messageIds.ToArray()})")
            .SingleAsync(Cancellation);
    }
}
