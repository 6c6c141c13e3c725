using Grpc.Core;
using Microsoft.Extensions.Options;
using Quality.Notifications.Features.Alerts;

namespace Quality.Notifications.Features.Feed;

/// <summary>
/// This replica's feed subscribers. <see cref="FeedListener"/> hands it every new in-app alert committed on
/// any replica (PostgreSQL <c>NOTIFY</c>); it offers each to the subscribers it is addressed to, without
/// waiting on any of them.
/// </summary>
public sealed class FeedHub(IOptions<FeedOptions> options)
{
    private readonly Lock _gate = new();
    private readonly HashSet<FeedSubscription> _subscriptions = [];
    private FeedSubscription[] _snapshot = [];
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Subscribers => Volatile.Read(ref _snapshot).Length;

    /// <summary>Completes once the replica listens for other replicas' alerts.</summary>
    public Task Listening => _listening.Task;

    public FeedSubscription Subscribe(Recipient recipient)
    {
        lock (_gate)
        {
            if (_subscriptions.Count >= options.Value.MaxSubscribers)
            {
                throw new RpcException(new Status(StatusCode.ResourceExhausted,
                    $"this replica already serves {options.Value.MaxSubscribers} feed streams; try again later or another replica"));
            }

            var subscription = new FeedSubscription(recipient, options.Value.BufferCapacity, Unsubscribe);
            _subscriptions.Add(subscription);
            _snapshot = [.. _subscriptions];
            return subscription;
        }
    }

    public void Publish(FeedAlert alert)
    {
        foreach (var subscription in Volatile.Read(ref _snapshot))
        {
            if (subscription.Recipient.IsAddressed(alert.RecipientRole, alert.RecipientId, alert.TeamId))
            {
                subscription.Offer(alert);
            }
        }
    }

    /// <summary>The listener (re)connected: alerts may have been missed meanwhile, so every subscriber re-reads.</summary>
    public void Connected(bool reconnected)
    {
        _listening.TrySetResult();
        if (reconnected)
        {
            foreach (var subscription in Volatile.Read(ref _snapshot))
            {
                subscription.Resync();
            }
        }
    }

    private void Unsubscribe(FeedSubscription subscription)
    {
        lock (_gate)
        {
            if (_subscriptions.Remove(subscription))
            {
                _snapshot = [.. _subscriptions];
            }
        }
    }
}
