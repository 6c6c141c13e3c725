using Quality.Benchmarking.Messaging;
using Quality.Contracts.Routing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Quality.LoadGenerator.Measurement;

/// <summary>
/// Listens to <c>CaseAssigned</c> on the system's broker through a temporary queue bound to the exchange
/// MassTransit publishes it to (named after the message type: <c>Quality.Contracts.Routing:CaseAssigned</c>),
/// so the time of assignment is observed as the services observe it, without polling Routing.
/// </summary>
public sealed class AssignmentSubscription : IAsyncDisposable
{
    public static readonly string Exchange = MassTransitEnvelope.ExchangeName(typeof(CaseAssigned));

    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private AssignmentSubscription(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<AssignmentSubscription> StartAsync(string amqpUri, AssignmentTracker tracker, CancellationToken ct)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri), ClientProvidedName = "quality-loadgenerator" };
        var connection = await factory.CreateConnectionAsync(ct).ConfigureAwait(false);
        var channel = await connection.CreateChannelAsync(cancellationToken: ct).ConfigureAwait(false);
        // Declared as MassTransit declares it (durable fanout), so this is a no-op when Routing is already up.
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct).ConfigureAwait(false);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: ct).ConfigureAwait(false);
        await channel.QueueBindAsync(queue.QueueName, Exchange, "", cancellationToken: ct).ConfigureAwait(false);

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var receivedAt = Clock.Now;
            if (MassTransitEnvelope.CorrelationId(delivery.Body.Span) is { } correlationId)
            {
                tracker.OnAssigned(correlationId, receivedAt);
            }

            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, ct).ConfigureAwait(false);
        return new AssignmentSubscription(connection, channel);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync().ConfigureAwait(false);
        await _connection.CloseAsync().ConfigureAwait(false);
        _channel.Dispose();
        _connection.Dispose();
    }
}
