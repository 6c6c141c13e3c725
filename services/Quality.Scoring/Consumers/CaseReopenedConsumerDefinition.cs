using MassTransit;

namespace Quality.Scoring.Consumers;

public sealed class CaseReopenedConsumerDefinition : ConsumerDefinition<CaseReopenedConsumer>
{
    public CaseReopenedConsumerDefinition()
    {
        EndpointName = "scoring-case-reopened";
        ConcurrentMessageLimit = 16;
    }
}
