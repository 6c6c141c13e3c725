using MassTransit;

namespace Quality.Scoring.Consumers;

public sealed class CaseOpenedConsumerDefinition : ConsumerDefinition<CaseOpenedConsumer>
{
    public CaseOpenedConsumerDefinition()
    {
        EndpointName = "scoring-case-opened";
        ConcurrentMessageLimit = 16;
    }
}
