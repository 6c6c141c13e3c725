using System.Text;
using System.Text.Json;
using Quality.Benchmarking.Messaging;
using Quality.Contracts.Intake;

namespace Quality.LoadGenerator.Tests.Benchmarking;

public sealed class MassTransitEnvelopeTests
{
    [Fact]
    public void Reads_the_correlation_id_from_a_MassTransit_envelope()
    {
        var id = Guid.NewGuid();
        var body = Encoding.UTF8.GetBytes($$$"""{"messageId":"{{{Guid.NewGuid()}}}","message":{"caseId":"{{{Guid.NewGuid()}}}","correlationId":"{{{id}}}"}}""");
        Assert.Equal(id, MassTransitEnvelope.CorrelationId(body));
        Assert.Null(MassTransitEnvelope.CorrelationId("not json"u8));
        Assert.Null(MassTransitEnvelope.CorrelationId("[1]"u8));
    }

    [Fact]
    public void An_event_is_published_to_the_exchange_named_after_its_type_with_its_base_types_listed()
    {
        Assert.Equal("Quality.Contracts.Intake:ComplaintRaised", MassTransitEnvelope.ExchangeName(typeof(ComplaintRaised)));
        Assert.Equal(["urn:message:Quality.Contracts.Intake:ComplaintRaised", "urn:message:Quality.Contracts:IntegrationEvent"],
            MassTransitEnvelope.MessageTypes(typeof(ComplaintRaised)));
    }

    [Fact]
    public void The_envelope_carries_ids_types_and_the_message_in_camel_case()
    {
        var feedbackId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var complaint = new ComplaintRaised
        {
            CorrelationId = feedbackId, FeedbackId = feedbackId, Channel = "api", Category = "delivery", Severity = 2,
            Sentiment = -0.5, Language = "zh", Summary = "送餐太慢了", ReceivedAt = DateTimeOffset.UnixEpoch,
        };

        var body = MassTransitEnvelope.Serialize(complaint, messageId, feedbackId, "127.0.0.1:5672", DateTimeOffset.UnixEpoch);

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        Assert.Equal(messageId, root.GetProperty("messageId").GetGuid());
        Assert.Equal(feedbackId, root.GetProperty("correlationId").GetGuid());
        Assert.Equal("rabbitmq://127.0.0.1:5672/Quality.Contracts.Intake:ComplaintRaised", root.GetProperty("destinationAddress").GetString());
        Assert.Equal("urn:message:Quality.Contracts.Intake:ComplaintRaised", root.GetProperty("messageType")[0].GetString());
        Assert.Equal("送餐太慢了", root.GetProperty("message").GetProperty("summary").GetString());
        Assert.Equal(feedbackId, MassTransitEnvelope.CorrelationId(body));
        Assert.Equal(2, MassTransitEnvelope.Message(body)!.Value.GetProperty("severity").GetInt32());
    }
}
