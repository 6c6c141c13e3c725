using MassTransit;
using Quality.Contracts.Intake;
using Quality.Messaging.Inbox;
using Quality.Routing.Features.Cases;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Consumers;

public sealed class ComplaintRaisedConsumer(Inbox<RoutingDbContext> inbox, CaseOpener opener) : IConsumer<ComplaintRaised>
{
    public Task Consume(ConsumeContext<ComplaintRaised> context) =>
        inbox.ProcessOnceAsync<ComplaintRaisedConsumer>(context, ct => opener.OpenAsync(context.Message, ct));
}
