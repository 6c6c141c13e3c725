using Microsoft.Extensions.Options;
using Quality.Notifications.Features.Alerts;
using Quality.Notifications.Features.Feed;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Notifications.Tests.Feed;

public sealed class FeedSubscriptionTests
{
    private static readonly Recipient Supervisor = new("sup-1", [Roles.Supervisor], "t1");

    private static FeedAlert AlertFor(int n, string role = Roles.Supervisor, string? person = null, string? team = "t1") =>
        new(Guid.CreateVersion7(), "sla_breached", null, $"alert {n}", null, 3, role, person, team, DateTimeOffset.UnixEpoch.AddSeconds(n), 0, null, Guid.Empty);

    private static List<FeedItem> Drain(FeedSubscription subscription)
    {
        var items = new List<FeedItem>();
        while (subscription.TryRead(out var item))
        {
            items.Add(item);
        }

        return items;
    }

    [Fact]
    public void A_reader_that_never_reads_holds_only_its_capacity_and_is_told_how_many_it_missed()
    {
        var hub = new FeedHub(Options.Create(new FeedOptions { BufferCapacity = 8 }));
        using var slow = hub.Subscribe(Supervisor);
        using var fast = hub.Subscribe(Supervisor);

        for (var n = 1; n <= 10_000; n++)
        {
            hub.Publish(AlertFor(n));
            Assert.Single(Drain(fast));
        }

        Assert.Equal(8, slow.Buffered);
        var items = Drain(slow);
        Assert.Equal((FeedItem.GapType, 10_000 - 8, FeedItem.SlowReader), (items[0].Type, items[0].Dropped, items[0].Reason));
        // Drop-oldest: what is left is the newest, in order.
        Assert.Equal([.. Enumerable.Range(10_000 - 7, 8).Select(n => $"alert {n}")], items.Skip(1).Select(i => i.Alert!.Title));
        Assert.Empty(Drain(slow));
    }

    [Fact]
    public void Each_subscriber_gets_only_the_alerts_addressed_to_it()
    {
        var hub = new FeedHub(Options.Create(new FeedOptions()));
        using var supervisor = hub.Subscribe(Supervisor);
        using var manager = hub.Subscribe(new Recipient("qm-1", [Roles.QualityManager], null));
        using var person = hub.Subscribe(new Recipient("agent-7", [Roles.Agent], "t2"));

        hub.Publish(AlertFor(1));                                          // supervisors of t1
        hub.Publish(AlertFor(2, team: "t2"));                               // supervisors of t2
        hub.Publish(AlertFor(3, role: Roles.QualityManager, team: "t2"));  // managers: organisation-wide
        hub.Publish(AlertFor(4, role: "", person: "agent-7"));             // one person

        Assert.Equal(["alert 1"], Drain(supervisor).Select(i => i.Alert!.Title));
        Assert.Equal(["alert 3"], Drain(manager).Select(i => i.Alert!.Title));
        Assert.Equal(["alert 4"], Drain(person).Select(i => i.Alert!.Title));
    }

    [Fact]
    public void A_reconnected_listener_tells_every_subscriber_to_re_read_and_an_ended_stream_is_forgotten()
    {
        var hub = new FeedHub(Options.Create(new FeedOptions()));
        var first = hub.Subscribe(Supervisor);
        using var second = hub.Subscribe(Supervisor);
        first.Dispose();

        hub.Connected(reconnected: true);

        Assert.Equal(1, hub.Subscribers);
        var gap = Assert.Single(Drain(second));
        Assert.Equal((FeedItem.GapType, null, FeedItem.Resync), (gap.Type, gap.Dropped, gap.Reason));
    }
}
