using MassTransit;

namespace Quality.Scoring.Consumers;

public sealed class CaseResolvedConsumerDefinition : ConsumerDefinition<CaseResolvedConsumer>
{
    public CaseResolvedConsumerDefinition()
    {
        EndpointName = "scoring-case-resolved";
        ConcurrentMessageLimit = 16;
    }
}
