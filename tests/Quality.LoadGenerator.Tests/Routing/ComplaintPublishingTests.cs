using System.Text.Json;
using Quality.Benchmarking.Corpus;
using Quality.Benchmarking.Messaging;
using Quality.Routing.Benchmark.Broker;
using Quality.Routing.Benchmark.Routing;

namespace Quality.LoadGenerator.Tests.Routing;

public sealed class ComplaintPublishingTests
{
    [Fact]
    public void A_complaint_goes_to_MassTransits_exchange_with_its_properties_and_envelope()
    {
        var factory = new ComplaintFactory(new ReviewCorpus([new Review(false, "送餐太慢了")]), "run1");
        var complaint = factory.Create(7, "api");
        var messageId = Guid.NewGuid();

        var properties = ComplaintPublisher.Properties(messageId, complaint.CorrelationId);
        var body = MassTransitEnvelope.Serialize(complaint, messageId, complaint.CorrelationId, "127.0.0.1:5672", DateTimeOffset.UtcNow);

        Assert.Equal("Quality.Contracts.Intake:ComplaintRaised", ComplaintPublisher.Exchange);
        Assert.Equal((true, "application/vnd.masstransit+json", messageId.ToString()), (properties.Persistent, properties.ContentType, properties.MessageId));
        var message = MassTransitEnvelope.Message(body)!.Value;
        Assert.Equal(complaint.FeedbackId, message.GetProperty("feedbackId").GetGuid());
        Assert.Equal(complaint.FeedbackId, message.GetProperty("correlationId").GetGuid());
        Assert.Equal("rb-run1-7", message.GetProperty("customerKey").GetString());
        Assert.Equal(JsonValueKind.String, message.GetProperty("receivedAt").ValueKind);
    }

    [Fact]
    public void Complaints_never_start_the_escalation_ladder_on_arrival()
    {
        var factory = new ComplaintFactory(new ReviewCorpus([new Review(false, "太慢了")]), "run1");
        Assert.All(Enumerable.Range(0, 500).Select(i => factory.Create(i, "api")), c =>
        {
            Assert.InRange(c.Severity, 1, 3);
            Assert.InRange(c.Sentiment, -0.7, -0.2);
        });
    }

    [Theory]
    [InlineData(20, 10_000, 20, 550)]
    [InlineData(20, 100_000, 110, 1000)]
    [InlineData(1, 10, 1, 11)]
    public void Agents_hold_every_case_with_room_to_spare(int fewest, long cases, int agents, int capacity) =>
        Assert.Equal((agents, capacity), BenchAgents.Plan(fewest, cases));
}
