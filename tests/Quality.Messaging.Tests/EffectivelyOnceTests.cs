using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Quality.Messaging.Outbox;
using RabbitMQ.Client;

namespace Quality.Messaging.Tests;

/// <summary>The outbox and inbox on real PostgreSQL and RabbitMQ: nothing lost, nothing applied twice.</summary>
// One at a time with the other tests that change the database's schema (AddedRowsTests).
[Collection("messaging-database")]
public sealed class EffectivelyOnceTests(MessagingServers servers) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly SemaphoreSlim SchemaLock = new(1, 1);
    private static bool _schemaCreated;

    private CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await SchemaLock.WaitAsync();
        try
        {
            if (!_schemaCreated)
            {
                await using var db = NewDbContext();
                await db.Database.EnsureCreatedAsync();
                _schemaCreated = true;
            }
        }
        finally
        {
            SchemaLock.Release();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Event_committed_but_never_published_is_delivered_by_the_sweeper()
    {
        // The state a relay killed between commit and publish leaves: the change and its event are
        // committed, nothing reached the broker. No relay runs while this is written.
        var widget = Guid.NewGuid();
        await using (var writer = NewDbContext())
        {
            writer.Widgets.Add(new Widget { Id = widget, Name = "left behind" });
            writer.AddToOutbox(new WidgetShipped { CorrelationId = widget, WidgetId = widget });
            await writer.SaveChangesAsync(Cancellation);
        }

        using var service = await StartServiceAsync();

        await WaitUntilAsync(async () => await EffectCountAsync(widget) == 1);
        await WaitUntilAsync(async () => await UnpublishedCountAsync(widget) == 0);
    }

    [Fact]
    public async Task Event_is_published_right_after_commit()
    {
        using var service = await StartServiceAsync();
        var widget = Guid.NewGuid();

        await using (var scope = service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            db.Widgets.Add(new Widget { Id = widget, Name = "fresh" });
            db.AddToOutbox(new WidgetShipped { CorrelationId = widget, WidgetId = widget });
            await db.SaveChangesAsync(Cancellation);
        }

        // Well inside the sweep interval: the commit itself woke the relay.
        await WaitUntilAsync(async () => await EffectCountAsync(widget) == 1, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Rolled_back_change_publishes_nothing()
    {
        using var service = await StartServiceAsync();
        var widget = Guid.NewGuid();

        await using (var scope = service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(Cancellation);
            db.Widgets.Add(new Widget { Id = widget, Name = "rolled back" });
            db.AddToOutbox(new WidgetShipped { CorrelationId = widget, WidgetId = widget });
            await db.SaveChangesAsync(Cancellation);
            await transaction.RollbackAsync(Cancellation);
        }

        await Task.Delay(TimeSpan.FromSeconds(2), Cancellation);
        Assert.Equal(0, await EffectCountAsync(widget));
        await using var check = NewDbContext();
        Assert.False(await check.Set<OutboxMessage>().AnyAsync(m => m.CorrelationId == widget, Cancellation));
    }

    [Fact]
    public async Task Message_delivered_twice_is_applied_once()
    {
        using var service = await StartServiceAsync();
        var bus = service.Services.GetRequiredService<IBus>();
        var widget = Guid.NewGuid();
        var message = new WidgetShipped { CorrelationId = widget, WidgetId = widget };

        // One sent after the other, then five at once: what broker redelivery and a relay re-publish look like.
        await bus.Publish(message, c => c.MessageId = message.EventId, Cancellation);
        await WaitUntilAsync(async () => await EffectCountAsync(widget) == 1);
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => bus.Publish(message, c => c.MessageId = message.EventId, Cancellation)));

        await Task.Delay(TimeSpan.FromSeconds(2), Cancellation);
        Assert.Equal(1, await EffectCountAsync(widget));
        Assert.Equal(1, WidgetShippedConsumer.Attempts[widget]);
    }

    [Fact]
    public async Task Failed_attempt_rolls_back_its_effect_and_the_retry_applies_it_once()
    {
        using var service = await StartServiceAsync();
        var bus = service.Services.GetRequiredService<IBus>();
        var widget = Guid.NewGuid();

        await bus.Publish(new WidgetShipped { CorrelationId = widget, WidgetId = widget, FailTimes = 2 }, Cancellation);

        await WaitUntilAsync(async () => await EffectCountAsync(widget) == 1);
        Assert.Equal(3, WidgetShippedConsumer.Attempts[widget]);
    }

    [Fact]
    public async Task Message_that_keeps_failing_ends_in_the_error_queue()
    {
        using var service = await StartServiceAsync();
        var bus = service.Services.GetRequiredService<IBus>();
        var widget = Guid.NewGuid();

        await bus.Publish(new WidgetShipped { CorrelationId = widget, WidgetId = widget, FailTimes = -1 }, Cancellation);

        var factory = new ConnectionFactory { Uri = new Uri(servers.RabbitMQConnectionString) };
        await using var connection = await factory.CreateConnectionAsync(Cancellation);
        await WaitUntilAsync(async () =>
        {
            // The error queue appears with its first fault; until then the broker answers 404 and closes the channel.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: Cancellation);
            try
            {
                var result = await channel.BasicGetAsync("widget-shipped_error", autoAck: false, Cancellation);
                return result is not null && System.Text.Encoding.UTF8.GetString(result.Body.Span).Contains(widget.ToString());
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                return false;
            }
        });
        Assert.Equal(0, await EffectCountAsync(widget));
    }

    [Fact]
    public async Task Health_is_degraded_while_an_old_event_waits_and_healthy_once_it_is_published()
    {
        // A relay that could not publish for five minutes (a broker away) leaves this behind.
        var widget = Guid.NewGuid();
        var shipped = OutboxMessage.For(new WidgetShipped { CorrelationId = widget, WidgetId = widget });
        await using (var writer = NewDbContext())
        {
            writer.Set<OutboxMessage>().Add(new OutboxMessage
            {
                Id = shipped.Id,
                MessageType = shipped.MessageType,
                Payload = shipped.Payload,
                CorrelationId = widget,
                CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            });
            await writer.SaveChangesAsync(Cancellation);
        }

        using var service = BuildService();
        var health = service.Services.GetRequiredService<HealthCheckService>();
        var before = (await health.CheckHealthAsync(r => r.Name == "outbox", Cancellation)).Entries["outbox"];
        Assert.True(before.Status == HealthStatus.Degraded, $"{before.Status}: {before.Description} {before.Exception}");
        Assert.Matches(@"events waiting to be published, the oldest for (29\d|3\d\d)(\.\d)? s \(over 60 s\)", before.Description);

        await service.StartAsync(Cancellation);
        await WaitUntilAsync(async () => (await health.CheckHealthAsync(r => r.Name == "outbox", Cancellation)).Status == HealthStatus.Healthy);
        // Healthy means published; the consumer may still be on its way to the effect.
        await WaitUntilAsync(async () => await EffectCountAsync(widget) == 1);
    }

    private async Task<IHost> StartServiceAsync()
    {
        var host = BuildService();
        await host.StartAsync(Cancellation);
        return host;
    }

    private IHost BuildService()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{MessagingServers.Database}"] = servers.PostgresConnectionString,
            ["ConnectionStrings:rabbitmq"] = servers.RabbitMQConnectionString,
            ["Messaging:Outbox:SweepInterval"] = "00:00:00.500",
        });
        builder.AddServiceDbContext<TestDbContext>(MessagingServers.Database);
        builder.AddMessaging<TestDbContext>("rabbitmq", bus => bus.AddConsumer<WidgetShippedConsumer>());
        return builder.Build();
    }

    private TestDbContext NewDbContext() =>
        new(new DbContextOptionsBuilder<TestDbContext>()
            .UseNpgsql(servers.PostgresConnectionString)
            .UseSnakeCaseNamingConvention()
            .Options);

    private async Task<int> EffectCountAsync(Guid widget)
    {
        await using var db = NewDbContext();
        return await db.Effects.CountAsync(e => e.WidgetId == widget, Cancellation);
    }

    private async Task<int> UnpublishedCountAsync(Guid widget)
    {
        await using var db = NewDbContext();
        return await db.Set<OutboxMessage>().CountAsync(m => m.CorrelationId == widget && m.PublishedAt == null, Cancellation);
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? Patience);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Condition not met within {(within ?? Patience).TotalSeconds} s.");
            }

            await Task.Delay(100, Cancellation);
        }
    }
}
