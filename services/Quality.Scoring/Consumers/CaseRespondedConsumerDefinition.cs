using MassTransit;

namespace Quality.Scoring.Consumers;

public sealed class CaseRespondedConsumerDefinition : ConsumerDefinition<CaseRespondedConsumer>
{
    public CaseRespondedConsumerDefinition()
    {
        EndpointName = "scoring-case-responded";
        ConcurrentMessageLimit = 16;
    }
}
