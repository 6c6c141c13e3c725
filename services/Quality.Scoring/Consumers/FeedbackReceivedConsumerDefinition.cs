using MassTransit;

namespace Quality.Scoring.Consumers;

public sealed class FeedbackReceivedConsumerDefinition : ConsumerDefinition<FeedbackReceivedConsumer>
{
    public FeedbackReceivedConsumerDefinition()
    {
        EndpointName = "scoring-feedback-received";
        ConcurrentMessageLimit = 16;
    }
}
