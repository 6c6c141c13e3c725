using Quality.Benchmarking.Messaging;
using Quality.Contracts;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Quality.Scoring.Benchmark.Connections;

/// <summary>
/// Publishes events straight to RabbitMQ as MassTransit envelopes (persistent, with publisher confirms, as a
/// service's bus would), on several channels, and reads Scoring's queue depths with a passive declare (no
/// management plugin needed; it counts ready messages, not those a consumer holds unacknowledged).
/// </summary>
public sealed class EventPublisher : IAsyncDisposable
{
    /// <summary>The queues Scoring consumes the published events from (its consumer definitions' endpoint names).</summary>
    public static readonly IReadOnlyList<string> ScoringQueues =
    [
        "scoring-feedback-received", "scoring-case-opened", "scoring-case-assigned", "scoring-case-responded", "scoring-case-resolved", "scoring-survey-answered",
    ];

    /// <summary>Unconfirmed publishes a channel may have in flight: enough to keep the broker busy, bounded for memory.</summary>
    private const int Outstanding = 512;

    private readonly IConnection _connection;
    private readonly IReadOnlyList<IChannel> _channels;
    private readonly string _brokerHost;
    private IChannel? _depthChannel;

    private EventPublisher(IConnection connection, IReadOnlyList<IChannel> channels, string brokerHost)
    {
        _connection = connection;
        _channels = channels;
        _brokerHost = brokerHost;
    }

    public int Channels => _channels.Count;

    public static async Task<EventPublisher> ConnectAsync(Uri uri, int channels, CancellationToken ct)
    {
        try
        {
            var connection = await new ConnectionFactory { Uri = uri, ClientProvidedName = "quality-scoring-benchmark" }.CreateConnectionAsync(ct);
            var list = new List<IChannel>();
            for (var i = 0; i < channels; i++)
            {
                // A limiter per channel: one shared by every channel refuses publishes once all of them together
                // have more unconfirmed than it holds.
                var options = new CreateChannelOptions(
                    publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true,
                    outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(Outstanding));
                list.Add(await connection.CreateChannelAsync(options, ct));
            }

            return new EventPublisher(connection, list, $"{uri.Host}:{uri.Port}");
        }
        catch (BrokerUnreachableException e)
        {
            throw new RunException($"RabbitMQ at {uri.Host}:{uri.Port} is unreachable: {e.InnerException?.Message ?? e.Message}");
        }
    }

    /// <summary>The wire body and exchange of an event: its concrete type decides both.</summary>
    public (string Exchange, byte[] Body, Guid MessageId) Envelope(IntegrationEvent e)
    {
        var messageId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var body = e switch
        {
            FeedbackReceived m => MassTransitEnvelope.Serialize(m, messageId, m.CorrelationId, _brokerHost, now),
            SurveyAnswered m => MassTransitEnvelope.Serialize(m, messageId, m.CorrelationId, _brokerHost, now),
            CaseOpened m => MassTransitEnvelope.Serialize(m, messageId, m.CorrelationId, _brokerHost, now),
            CaseAssigned m => MassTransitEnvelope.Serialize(m, messageId, m.CorrelationId, _brokerHost, now),
            CaseResponded m => MassTransitEnvelope.Serialize(m, messageId, m.CorrelationId, _brokerHost, now),
            CaseResolved m => MassTransitEnvelope.Serialize(m, messageId, m.CorrelationId, _brokerHost, now),
            CaseReopened m => MassTransitEnvelope.Serialize(m, messageId, m.CorrelationId, _brokerHost, now),
            _ => throw new ArgumentException($"{e.GetType().Name} is not an event Scoring consumes", nameof(e)),
        };
        return (MassTransitEnvelope.ExchangeName(e.GetType()), body, messageId);
    }

    /// <summary>
    /// Publishes a batch on one channel without waiting for each confirm, a window at a time: the client library
    /// refuses (rather than queues) a publish beyond <see cref="Outstanding"/> unconfirmed ones, so a window is
    /// waited for before the next leaves. Each event goes to its type's exchange unless <paramref name="exchangeOf"/>
    /// names another.
    /// </summary>
    public async Task PublishAsync(int channel, IReadOnlyList<IntegrationEvent> batch, CancellationToken ct, Func<Type, string>? exchangeOf = null)
    {
        foreach (var window in batch.Chunk(Outstanding / 2))
        {
            await PublishWindowAsync(_channels[channel % _channels.Count], window, exchangeOf, ct);
        }
    }

    private async Task PublishWindowAsync(IChannel target, IntegrationEvent[] batch, Func<Type, string>? exchangeOf, CancellationToken ct)
    {
        var pending = new List<ValueTask>(batch.Length);
        foreach (var e in batch)
        {
            var (typeExchange, body, messageId) = Envelope(e);
            var exchange = exchangeOf?.Invoke(e.GetType()) ?? typeExchange;
            var properties = new BasicProperties
            {
                ContentType = MassTransitEnvelope.ContentType,
                DeliveryMode = DeliveryModes.Persistent,
                MessageId = messageId.ToString(),
            };
            pending.Add(target.BasicPublishAsync(exchange, "", mandatory: false, properties, body, ct));
        }

        foreach (var publish in pending)
        {
            await publish;
        }
    }

    public Task PublishAsync(IntegrationEvent e, CancellationToken ct) => PublishAsync(0, [e], ct);

    /// <summary>Ready messages in Scoring's queues; a missing queue means Scoring has not started its consumers.</summary>
    public async Task<long> ScoringQueueDepthAsync(CancellationToken ct)
    {
        long total = 0;
        foreach (var queue in ScoringQueues)
        {
            _depthChannel ??= await _connection.CreateChannelAsync(cancellationToken: ct);
            try
            {
                total += (await _depthChannel.QueueDeclarePassiveAsync(queue, ct)).MessageCount;
            }
            catch (OperationInterruptedException e)
            {
                // A failed passive declare closes the channel.
                _depthChannel = null;
                throw new RunException($"queue {queue} does not exist on the broker ({e.ShutdownReason?.ReplyText}): is Scoring running on this broker?");
            }
        }

        return total;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            await channel.DisposeAsync();
        }

        if (_depthChannel is not null)
        {
            await _depthChannel.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }
}
