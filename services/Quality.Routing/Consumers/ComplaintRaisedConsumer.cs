using MassTransit;
using Quality.Contracts.Intake;
using Quality.Messaging.Inbox;
using Quality.Routing.Features.Assignment;
using Quality.Routing.Features.Cases;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Consumers;

public sealed class ComplaintRaisedConsumer(Inbox<RoutingDbContext> inbox, CaseOpener opener, QueueBackfill backfill) : IConsumer<ComplaintRaised>
{
    public async Task Consume(ConsumeContext<ComplaintRaised> context)
    {
        Case? opened = null;
        await inbox.ProcessOnceAsync<ComplaintRaisedConsumer>(context, async ct => opened = await opener.OpenAsync(context.Message, ct));
        if (opened is { Status: CaseStatus.Open })
        {
            await backfill.AfterCaseQueuedAsync(opened.Id, context.CancellationToken);
        }
    }
}
