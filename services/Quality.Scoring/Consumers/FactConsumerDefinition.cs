using MassTransit;
using Microsoft.Extensions.Options;
using Quality.Contracts;
using Quality.Scoring.Features.Facts;

namespace Quality.Scoring.Consumers;

/// <summary>
/// One queue per event type, e.g. <c>scoring-case-assigned</c>, handing out enough messages at once for the
/// replica's batches to fill from it.
/// </summary>
public sealed class FactConsumerDefinition<TEvent> : ConsumerDefinition<FactConsumer<TEvent>> where TEvent : IntegrationEvent
{
    public FactConsumerDefinition(IOptions<FactBatchOptions> options)
    {
        EndpointName = "scoring-" + KebabCaseEndpointNameFormatter.Instance.SanitizeName(typeof(TEvent).Name);
        ConcurrentMessageLimit = options.Value.ConcurrentMessages;
    }
}
