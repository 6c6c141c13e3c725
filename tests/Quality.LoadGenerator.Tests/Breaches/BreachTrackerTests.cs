using Microsoft.Extensions.Time.Testing;
using Quality.LoadGenerator.Breaches;
using Quality.LoadGenerator.Measurement;

namespace Quality.LoadGenerator.Tests.Breaches;

public sealed class BreachTrackerTests
{
    private static readonly DateTimeOffset Due = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_webhook_after_registration_records_deadline_to_arrival_once()
    {
        var tracker = new BreachTracker(new FakeTimeProvider(Due));
        var stage = new StageMetrics("100/s", 100);
        var feedback = Guid.NewGuid();

        tracker.Register(feedback, stage);
        Assert.True(tracker.IsWaiting(feedback));
        tracker.OnDelivered(feedback, Due, Due.AddMilliseconds(340));
        tracker.OnDelivered(feedback, Due, Due.AddMilliseconds(900));

        Assert.False(tracker.IsWaiting(feedback));
        var summary = stage.BreachAlerted.Summarize();
        Assert.Equal((1, 340.0), (summary.Count, summary.Max));
        Assert.Equal(1, tracker.Repeats);
        Assert.Equal(0, tracker.WaitingFor(stage));
    }

    [Fact]
    public void A_webhook_that_overtakes_the_intake_answer_is_matched_when_the_complaint_is_registered()
    {
        var tracker = new BreachTracker(new FakeTimeProvider(Due));
        var stage = new StageMetrics("100/s", 100);
        var feedback = Guid.NewGuid();

        tracker.OnDelivered(feedback, Due, Due.AddMilliseconds(120));
        tracker.Register(feedback, stage);

        Assert.Equal(1, stage.BreachAlerted.Count);
        Assert.False(tracker.IsWaiting(feedback));
    }

    [Fact]
    public void A_complaint_whose_webhook_never_comes_is_given_up_on_for_the_agents_but_still_counted_as_not_alerted()
    {
        var time = new FakeTimeProvider(Due);
        var tracker = new BreachTracker(time);
        var stage = new StageMetrics("100/s", 100);
        var feedback = Guid.NewGuid();
        tracker.Register(feedback, stage);

        time.Advance(BreachTracker.GiveUpAfter);

        Assert.False(tracker.IsWaiting(feedback));
        Assert.Equal(1, tracker.WaitingFor(stage));
        Assert.Equal(0, stage.BreachAlerted.Count);
    }

    [Theory]
    [InlineData("""{"correlationId":"0195a3c2-0000-7000-8000-000000000001","data":{"dueAt":"2026-11-24T08:00:00+00:00"}}""", true)]
    [InlineData("""{"correlationId":"0195a3c2-0000-7000-8000-000000000001","data":{}}""", false)]
    [InlineData("""{"data":{"dueAt":"2026-11-24T08:00:00+00:00"}}""", false)]
    [InlineData("""[1,2]""", false)]
    [InlineData("""not json""", false)]
    public void The_receiver_reads_the_correlation_id_and_the_deadline_or_nothing(string body, bool readable)
    {
        var read = BreachWebhookReceiver.Read(body);

        Assert.Equal(readable, read is not null);
        if (read is { } breach)
        {
            Assert.Equal((Guid.Parse("0195a3c2-0000-7000-8000-000000000001"), Due), (breach.CorrelationId, breach.DueAt));
        }
    }
}
