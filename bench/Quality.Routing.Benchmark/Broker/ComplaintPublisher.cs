using Quality.Benchmarking.Messaging;
using Quality.Contracts.Intake;
using RabbitMQ.Client;

namespace Quality.Routing.Benchmark.Broker;

/// <summary>
/// Publishes <see cref="ComplaintRaised"/> straight to its MassTransit exchange (<c>Quality.Contracts.Intake:ComplaintRaised</c>),
/// persistent and with a publisher confirm, as Intake's outbox relay does, so Routing consumes it as it consumes
/// Intake's. Only Routing subscribes to this event, so nothing else in the system does work for it.
/// </summary>
public sealed class ComplaintPublisher : IAsyncDisposable
{
    public static readonly string Exchange = MassTransitEnvelope.ExchangeName(typeof(ComplaintRaised));

    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _brokerHost;

    private ComplaintPublisher(IConnection connection, IChannel channel, string brokerHost)
    {
        _connection = connection;
        _channel = channel;
        _brokerHost = brokerHost;
    }

    public static async Task<ComplaintPublisher> ConnectAsync(string amqpUri, CancellationToken ct)
    {
        var uri = new Uri(amqpUri);
        var factory = new ConnectionFactory { Uri = uri, ClientProvidedName = "quality-routing-benchmark-publisher" };
        var connection = await factory.CreateConnectionAsync(ct).ConfigureAwait(false);
        var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        var channel = await connection.CreateChannelAsync(options, ct).ConfigureAwait(false);
        // Declared as MassTransit declares it (durable fanout): a no-op once Routing has bound its queue to it.
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct).ConfigureAwait(false);
        return new ComplaintPublisher(connection, channel, $"{uri.Host}:{uri.Port}");
    }

    /// <summary>Completes when the broker has confirmed the message; many may be in flight at once.</summary>
    public async Task PublishAsync(ComplaintRaised complaint, CancellationToken ct)
    {
        var messageId = Guid.CreateVersion7();
        var properties = Properties(messageId, complaint.CorrelationId);
        var body = MassTransitEnvelope.Serialize(complaint, messageId, complaint.CorrelationId, _brokerHost, DateTimeOffset.UtcNow);
        await _channel.BasicPublishAsync(Exchange, "", mandatory: false, properties, body, ct).ConfigureAwait(false);
    }

    /// <summary>The AMQP properties MassTransit sets: persistent, its content type, the message id the inboxes deduplicate on.</summary>
    public static BasicProperties Properties(Guid messageId, Guid correlationId) => new()
    {
        Persistent = true,
        ContentType = MassTransitEnvelope.ContentType,
        MessageId = messageId.ToString(),
        CorrelationId = correlationId.ToString(),
    };

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync().ConfigureAwait(false);
        await _connection.CloseAsync().ConfigureAwait(false);
        _channel.Dispose();
        _connection.Dispose();
    }
}
