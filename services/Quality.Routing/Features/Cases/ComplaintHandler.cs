using Quality.Contracts.Intake;
using Quality.Messaging.Inbox;
using Quality.Routing.Consumers;
using Quality.Routing.Features.Assignment;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Features.Cases;

/// <summary>
/// Applies complaints once each, with the consumer's inbox receipts: a batch in one transaction
/// (<see cref="BatchOpener"/>) or one complaint in its own (<see cref="CaseOpener"/>); either way the cases left
/// queued are routed after commit. Each call works in a scope of its own, so a failed batch leaves nothing behind
/// for the complaints then opened one by one.
/// </summary>
public sealed class ComplaintHandler(IServiceScopeFactory scopes, QueueBackfill backfill)
{
    public async Task OpenBatchAsync(IReadOnlyList<(Guid MessageId, ComplaintRaised Complaint)> messages, CancellationToken cancellationToken)
    {
        IReadOnlyList<Case> queued;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var inbox = scope.ServiceProvider.GetRequiredService<Inbox<RoutingDbContext>>();
            var opener = scope.ServiceProvider.GetRequiredService<BatchOpener>();
            queued = [];
            await inbox.ProcessBatchOnceAsync<ComplaintRaisedConsumer, (Guid MessageId, ComplaintRaised Complaint)>(messages, m => m.MessageId,
                async (fresh, ct) => queued = await opener.OpenAsync([.. fresh.Select(m => m.Complaint)], ct), cancellationToken);
        }

        foreach (var @case in queued)
        {
            await backfill.AfterCaseQueuedAsync(@case.Id, cancellationToken);
        }
    }

    public async Task OpenOneAsync(Guid messageId, ComplaintRaised complaint, CancellationToken cancellationToken)
    {
        Case? opened = null;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var inbox = scope.ServiceProvider.GetRequiredService<Inbox<RoutingDbContext>>();
            var opener = scope.ServiceProvider.GetRequiredService<CaseOpener>();
            await inbox.ProcessOnceAsync<ComplaintRaisedConsumer>(messageId, async ct => opened = await opener.OpenAsync(complaint, ct), cancellationToken);
        }

        if (opened is { Status: CaseStatus.Open })
        {
            await backfill.AfterCaseQueuedAsync(opened.Id, cancellationToken);
        }
    }
}
