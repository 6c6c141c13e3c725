using MassTransit;

namespace Quality.Scoring.Consumers;

public sealed class CaseAssignedConsumerDefinition : ConsumerDefinition<CaseAssignedConsumer>
{
    public CaseAssignedConsumerDefinition()
    {
        EndpointName = "scoring-case-assigned";
        ConcurrentMessageLimit = 16;
    }
}
