using Microsoft.Extensions.Options;
using Quality.Messaging.Batching;
using Quality.Routing.Features.Cases;

namespace Quality.Routing.Consumers;

public sealed class ComplaintRaisedConsumerDefinition(IOptions<ComplaintBatchOptions> batches)
    : BatchConsumerDefinition<ComplaintRaisedConsumer>("routing-complaint-raised", batches.Value);
