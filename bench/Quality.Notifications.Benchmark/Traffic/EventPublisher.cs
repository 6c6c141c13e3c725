using System.Diagnostics;
using Quality.Benchmarking.Messaging;
using Quality.Contracts.Routing;
using Quality.Notifications.Benchmark.Measurement;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Quality.Notifications.Benchmark.Traffic;

/// <summary>
/// Publishes <see cref="SlaBreached"/> events straight to RabbitMQ as MassTransit envelopes, persistent and
/// confirmed, as Routing would. Each event has its own id and case, and the stage's team, so only the stage's
/// rules hear it. Pacing is open loop: the n-th event is due n / rate after the start whatever the broker does.
/// </summary>
public sealed class EventPublisher : IAsyncDisposable
{
    public static readonly string Exchange = MassTransitEnvelope.ExchangeName(typeof(SlaBreached));

    // A few channels so confirms of one do not serialise every publish.
    private const int ChannelCount = 4;

    private readonly IConnection _connection;
    private readonly IChannel[] _channels;
    private readonly string _brokerHost;

    private EventPublisher(IConnection connection, IChannel[] channels, string brokerHost)
    {
        _connection = connection;
        _channels = channels;
        _brokerHost = brokerHost;
    }

    public static async Task<EventPublisher> ConnectAsync(string amqpUri, CancellationToken cancellationToken)
    {
        var uri = new Uri(amqpUri);
        var factory = new ConnectionFactory { Uri = uri, ClientProvidedName = "quality-notifications-benchmark" };
        IConnection connection;
        try
        {
            connection = await factory.CreateConnectionAsync(cancellationToken);
        }
        catch (BrokerUnreachableException e)
        {
            throw new RunException($"RabbitMQ is unreachable at {uri.Host}:{uri.Port}: {e.InnerException?.Message ?? e.Message} (is the system running? scripts/run.sh)", e);
        }

        var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        var channels = new IChannel[ChannelCount];
        for (var i = 0; i < channels.Length; i++)
        {
            channels[i] = await connection.CreateChannelAsync(options, cancellationToken);
        }

        try
        {
            // The exchange exists once Notifications has bound its SlaBreached queue; publishing without it would lose every event.
            await channels[0].ExchangeDeclarePassiveAsync(Exchange, cancellationToken);
        }
        catch (OperationInterruptedException e)
        {
            await connection.DisposeAsync();
            throw new RunException($"RabbitMQ has no exchange '{Exchange}': Notifications has not started its consumers ({e.ShutdownReason?.ReplyText})", e);
        }

        return new EventPublisher(connection, channels, $"{uri.Host}:{uri.Port}");
    }

    public async Task<PublishWindow> RunAsync(
        int stage, string team, double? rate, TimeSpan warmup, TimeSpan duration, int maxInFlight, DeliveryTracker tracker, CancellationToken cancellationToken)
    {
        var start = Clock.Now;
        var windowStart = start + Ticks(warmup);
        var windowEnd = windowStart + Ticks(duration);
        var total = warmup + duration;
        using var slots = new SemaphoreSlim(maxInFlight);
        var pending = new List<Task>();
        int measured = 0, warm = 0, failed = 0;
        var maxLag = 0.0;
        string? lastError = null;
        var properties = new BasicProperties { Persistent = true, ContentType = MassTransitEnvelope.ContentType };

        for (long n = 0; ; n++)
        {
            var due = rate is { } r ? TimeSpan.FromSeconds(n / r) : Stopwatch.GetElapsedTime(start);
            if (due >= total)
            {
                break;
            }

            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            await slots.WaitAsync(cancellationToken);
            maxLag = Math.Max(maxLag, (Stopwatch.GetElapsedTime(start) - due).TotalMilliseconds);
            var isMeasured = due >= warmup;
            if (isMeasured)
            {
                measured++;
            }
            else
            {
                warm++;
            }

            var evt = NewEvent(team);
            var body = MassTransitEnvelope.Serialize(evt, Guid.NewGuid(), evt.CorrelationId, _brokerHost, DateTimeOffset.UtcNow);
            var channel = _channels[n % ChannelCount];
            // Registered before the publish, so a delivery can never arrive before its event is known.
            tracker.Published(new PublishedEvent(evt.EventId, stage, Clock.Now, isMeasured));
            pending.Add(PublishOneAsync(channel, properties, body, evt.EventId));
            if (pending.Count >= 4096)
            {
                pending.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(pending);
        return new PublishWindow(measured, warm, windowStart, Math.Min(windowEnd, Math.Max(windowStart, Clock.Now)), failed, maxLag, lastError);

        async Task PublishOneAsync(IChannel channel, BasicProperties props, byte[] body, Guid eventId)
        {
            try
            {
                await channel.BasicPublishAsync(Exchange, "", mandatory: false, props, body, cancellationToken);
            }
            catch (Exception e) when (e is PublishException or AlreadyClosedException or OperationInterruptedException)
            {
                tracker.Forget(eventId);
                Interlocked.Increment(ref failed);
                lastError = e.Message;
            }
            finally
            {
                slots.Release();
            }
        }
    }

    private static SlaBreached NewEvent(string team)
    {
        var now = DateTimeOffset.UtcNow;
        return new SlaBreached
        {
            EventId = Guid.CreateVersion7(),
            CorrelationId = Guid.NewGuid(),
            OccurredAt = now,
            // A fresh case per event: its dedup key (case and target) is unique, so no rule could count it a repeat.
            CaseId = Guid.CreateVersion7(),
            Target = SlaTarget.FirstResponse,
            Priority = 1,
            TeamId = team,
            DueAt = now.AddMinutes(-1),
            BreachedAt = now,
        };
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            await channel.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }
}
