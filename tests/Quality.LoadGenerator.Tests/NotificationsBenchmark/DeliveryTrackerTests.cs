using System.Diagnostics;
using Quality.Notifications.Benchmark.Measurement;
using Quality.Notifications.Benchmark.Receivers;

namespace Quality.LoadGenerator.Tests.NotificationsBenchmark;

public sealed class DeliveryTrackerTests
{
    private static readonly long Second = Stopwatch.Frequency;

    [Fact]
    public void The_first_request_per_event_and_receiver_is_a_delivery_and_any_later_one_a_duplicate()
    {
        var tracker = new DeliveryTracker();
        var evt = Guid.NewGuid();
        var alert = Guid.NewGuid();
        tracker.Published(new PublishedEvent(evt, Stage: 0, PublishedAt: 0, Measured: true));

        Assert.Equal(ArrivalOutcome.First, tracker.Arrived(evt, alert, receiver: 0, arrivedAt: Second / 10));
        Assert.Equal(ArrivalOutcome.First, tracker.Arrived(evt, Guid.NewGuid(), receiver: 1, arrivedAt: Second / 10));
        Assert.Equal(ArrivalOutcome.Duplicate, tracker.Arrived(evt, alert, receiver: 0, arrivedAt: Second));
        Assert.Equal(ArrivalOutcome.Unknown, tracker.Arrived(Guid.NewGuid(), alert, receiver: 0, arrivedAt: Second));

        Assert.Equal(2, tracker.ArrivedCount(0));
        Assert.Equal(1, tracker.Duplicates(0));
        Assert.Equal(1, tracker.Unknown);
    }

    [Fact]
    public void An_event_the_broker_refused_is_not_expected()
    {
        var tracker = new DeliveryTracker();
        var evt = Guid.NewGuid();
        tracker.Published(new PublishedEvent(evt, 0, 0, true));
        tracker.Forget(evt);

        Assert.Equal(0, tracker.PublishedCount(0, measuredOnly: false));
        Assert.Equal(ArrivalOutcome.Unknown, tracker.Arrived(evt, Guid.NewGuid(), 0, 1));
    }

    [Fact]
    public void Stage_figures_count_loss_over_every_event_and_latency_over_measured_ones()
    {
        var tracker = new DeliveryTracker();
        var warm = Guid.NewGuid();
        var measured = Guid.NewGuid();
        var late = Guid.NewGuid();
        tracker.Published(new PublishedEvent(warm, 0, 0, Measured: false));
        tracker.Published(new PublishedEvent(measured, 0, Second, Measured: true));
        tracker.Published(new PublishedEvent(late, 0, 2 * Second, Measured: true));
        // Two receivers; the late event reaches only one of them, after the window.
        tracker.Arrived(warm, Guid.NewGuid(), 0, Second / 2);
        tracker.Arrived(warm, Guid.NewGuid(), 1, Second / 2);
        tracker.Arrived(measured, Guid.NewGuid(), 0, Second + Second / 10);
        tracker.Arrived(measured, Guid.NewGuid(), 1, Second + Second / 5);
        tracker.Arrived(late, Guid.NewGuid(), 0, 4 * Second);

        var figures = StageFigures.Compute(tracker.Arrivals(0), tracker.PublishedCount(0, false), healthyReceivers: 2, windowStart: Second, windowEnd: 3 * Second);

        Assert.Equal(6, figures.Expected);
        Assert.Equal(5, figures.Received);
        Assert.Equal(1, figures.Lost);
        Assert.Equal(3, figures.Latency.Count);
        Assert.Equal(2000, figures.Latency.Max, precision: 3);
        Assert.Equal(200, figures.Latency.P50, precision: 3); // nearest rank: the 2nd of 100, 200, 2000
        // Two deliveries arrived inside the two-second window.
        Assert.Equal(1, figures.DeliveriesPerSecond, precision: 6);
        Assert.Equal(2, figures.P99BySecond.Count);
        Assert.Equal(1, figures.LastArrivalSeconds, precision: 6);
    }

    [Fact]
    public void A_webhook_body_yields_its_event_and_alert_ids_or_nothing()
    {
        var evt = Guid.NewGuid();
        var alert = Guid.NewGuid();
        Assert.Equal(new WebhookBody(evt, alert), WebhookBody.Parse($$$"""{"id":"x","alertId":"{{{alert}}}","eventId":"{{{evt}}}","data":{}}"""));
        Assert.Null(WebhookBody.Parse("""{"alertId":7,"eventId":"x"}"""));
        Assert.Null(WebhookBody.Parse("not json"));
        Assert.Null(WebhookBody.Parse("[]"));
    }
}
