using Grpc.Core;
using Microsoft.Extensions.Options;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Features.LiveKpis;
using StackExchange.Redis;

namespace Quality.Scoring.Features.LiveFeed;

/// <summary>
/// The live feed on this replica: one <see cref="KpiFeedTopic"/> per watched scope and window, shared by its
/// subscribers, each listening on the scope's Redis channel. Every replica's folds publish there, so a subscriber
/// here sees changes made anywhere; Redis sends a replica only the scopes it watches.
/// </summary>
public sealed partial class KpiFeedHub(
    IConnectionMultiplexer redis, IServiceScopeFactory scopes, TimeProvider time, IOptions<KpiFeedOptions> options, ILogger<KpiFeedHub> logger)
    : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Scope, string Window), (KpiFeedTopic Topic, Action<RedisChannel, RedisValue> Handler)> _topics = [];
    private int _subscribers;

    public int Subscribers => Volatile.Read(ref _subscribers);

    public int Topics
    {
        get
        {
            lock (_gate)
            {
                return _topics.Count;
            }
        }
    }

    /// <summary>Starts following a scope; dispose the subscription to stop. Its first update is a snapshot.</summary>
    public KpiFeedSubscription Subscribe(KpiScope scope, LiveWindow window)
    {
        var key = (LiveKpiReader.ScopeKey(scope), window.Code);
        KpiFeedTopic topic;
        Action<RedisChannel, RedisValue>? listen = null;
        KpiFeedSubscription subscription;
        lock (_gate)
        {
            if (_subscribers >= options.Value.MaxSubscribers)
            {
                throw new RpcException(new Status(StatusCode.ResourceExhausted,
                    $"this replica already serves {options.Value.MaxSubscribers} feed subscribers; try again later or another replica"));
            }

            if (!_topics.TryGetValue(key, out var entry))
            {
                topic = new KpiFeedTopic(scope, window, ReadAsync, time, options.Value.RefreshInterval, logger);
                var created = topic;
                listen = (_, _) => created.Changed();
                _topics[key] = (topic, listen);
            }
            else
            {
                topic = entry.Topic;
            }

            _subscribers++;
            subscription = new KpiFeedSubscription(scope, s => Unsubscribe(key, s));
            topic.Add(subscription);
        }

        if (listen is not null)
        {
            // Not awaited: the snapshot does not wait for the pub/sub connection. Once listening, read again, for
            // changes made before the subscription took hold.
            _ = ListenAsync(key.Item1, listen, topic);
        }

        return subscription;
    }

    public async ValueTask DisposeAsync()
    {
        List<KpiFeedTopic> topics;
        lock (_gate)
        {
            topics = [.. _topics.Values.Select(t => t.Topic)];
            _topics.Clear();
        }

        foreach (var topic in topics)
        {
            await topic.DisposeAsync();
        }
    }

    private void Unsubscribe((string Scope, string Window) key, KpiFeedSubscription subscription)
    {
        (KpiFeedTopic Topic, Action<RedisChannel, RedisValue> Handler) entry;
        lock (_gate)
        {
            if (!_topics.TryGetValue(key, out entry))
            {
                return;
            }

            _subscribers--;
            if (!entry.Topic.Remove(subscription))
            {
                return;
            }

            _topics.Remove(key);
        }

        // Removes only this topic's handler: a new topic for the same scope keeps its own.
        _ = redis.GetSubscriber().UnsubscribeAsync(Channel(key.Scope), entry.Handler, CommandFlags.FireAndForget);
        _ = entry.Topic.DisposeAsync().AsTask();
    }

    private async Task ListenAsync(string scope, Action<RedisChannel, RedisValue> listen, KpiFeedTopic topic)
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(Channel(scope), listen);
            topic.Changed();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Still served: the topic re-reads every RefreshInterval (from PostgreSQL while Redis is away).
            LogSubscribeFailed(e, scope);
        }
    }

    private async Task<KpiAnswer> ReadAsync(KpiScope scope, KpiPeriod period, DateTimeOffset now, CancellationToken ct)
    {
        await using var serviceScope = scopes.CreateAsyncScope();
        return await serviceScope.ServiceProvider.GetRequiredService<KpiQuery>().ReadAsync(scope, period, now, ct);
    }

    private static RedisChannel Channel(string scope) => RedisChannel.Literal(LiveKeys.ChangesChannelPrefix + scope);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live feed not subscribed to changes of {Scope}: Redis unavailable; refreshing on a timer")]
    private partial void LogSubscribeFailed(Exception exception, string scope);
}
