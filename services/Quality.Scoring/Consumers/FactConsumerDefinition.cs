using MassTransit;
using Quality.Contracts;

namespace Quality.Scoring.Consumers;

/// <summary>One queue per event type, e.g. <c>scoring-case-assigned</c>.</summary>
public sealed class FactConsumerDefinition<TEvent> : ConsumerDefinition<FactConsumer<TEvent>> where TEvent : IntegrationEvent
{
    public FactConsumerDefinition()
    {
        EndpointName = "scoring-" + KebabCaseEndpointNameFormatter.Instance.SanitizeName(typeof(TEvent).Name);
        ConcurrentMessageLimit = 16;
    }
}
