using Quality.Benchmarking.Messaging;
using Quality.Contracts.Routing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Quality.Routing.Benchmark.Broker;

/// <summary>
/// Routing's <c>CaseOpened</c>, <c>CaseAssigned</c> and <c>SlaBreached</c> as every subscriber sees them: one
/// temporary queue bound to the three MassTransit exchanges, timestamped on arrival and handed to
/// <see cref="Received"/>. Times are taken before parsing, so a slow handler does not inflate them.
/// </summary>
public sealed class RoutingEvents : IAsyncDisposable
{
    public static readonly string CaseOpened = MassTransitEnvelope.ExchangeName(typeof(CaseOpened));
    public static readonly string CaseAssigned = MassTransitEnvelope.ExchangeName(typeof(CaseAssigned));
    public static readonly string SlaBreached = MassTransitEnvelope.ExchangeName(typeof(SlaBreached));

    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private RoutingEvents(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    /// <summary>Called on the consumer's thread, one event at a time.</summary>
    public Action<RoutingEvent>? Received { get; set; }

    public static async Task<RoutingEvents> SubscribeAsync(string amqpUri, CancellationToken ct)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri), ClientProvidedName = "quality-routing-benchmark-events" };
        var connection = await factory.CreateConnectionAsync(ct).ConfigureAwait(false);
        var channel = await connection.CreateChannelAsync(cancellationToken: ct).ConfigureAwait(false);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: ct).ConfigureAwait(false);
        foreach (var exchange in new[] { CaseOpened, CaseAssigned, SlaBreached })
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct).ConfigureAwait(false);
            await channel.QueueBindAsync(queue.QueueName, exchange, "", cancellationToken: ct).ConfigureAwait(false);
        }

        var events = new RoutingEvents(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var receivedAt = Clock.Now;
            var receivedAtUtc = DateTimeOffset.UtcNow;
            if (MassTransitEnvelope.Message(delivery.Body.Span) is { } message)
            {
                events.Received?.Invoke(new RoutingEvent(delivery.Exchange, message, receivedAt, receivedAtUtc));
            }

            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, ct).ConfigureAwait(false);
        return events;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync().ConfigureAwait(false);
        await _connection.CloseAsync().ConfigureAwait(false);
        _channel.Dispose();
        _connection.Dispose();
    }
}
