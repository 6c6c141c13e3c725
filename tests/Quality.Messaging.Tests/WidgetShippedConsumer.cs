using System.Collections.Concurrent;
using MassTransit;
using Quality.Messaging.Inbox;

namespace Quality.Messaging.Tests;

public sealed class WidgetShippedConsumer(Inbox<TestDbContext> inbox, TestDbContext db) : IConsumer<WidgetShipped>
{
    /// <summary>Delivery attempts per widget, including failed ones and skipped duplicates.</summary>
    public static readonly ConcurrentDictionary<Guid, int> Attempts = new();

    public Task Consume(ConsumeContext<WidgetShipped> context) =>
        inbox.ProcessOnceAsync<WidgetShippedConsumer>(context, _ =>
        {
            var attempt = Attempts.AddOrUpdate(context.Message.WidgetId, 1, (_, n) => n + 1);
            db.Effects.Add(new WidgetEffect { Id = Guid.NewGuid(), WidgetId = context.Message.WidgetId });
            if (context.Message.FailTimes < 0 || attempt <= context.Message.FailTimes)
            {
                throw new InvalidOperationException($"Induced failure {attempt} for widget {context.Message.WidgetId}");
            }

            return Task.CompletedTask;
        });
}
