using Microsoft.Extensions.DependencyInjection;
using Quality.Contracts;
using Quality.Messaging.Inbox;
using Quality.Scoring.Features.Facts;

namespace Quality.Scoring.Tests.Infrastructure;

/// <summary>Hands events to a replica's batch path directly, as one batch, with the receipts its consumers would leave.</summary>
public static class Batches
{
    public static FactMessage Message(IntegrationEvent e, Guid? messageId = null) =>
        new(new InboxReceipt($"FactConsumer<{e.GetType().Name}>", messageId ?? Guid.NewGuid()), e);

    public static async Task ProcessAsync(ScoringHost host, IReadOnlyList<FactMessage> batch)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FactBatchProcessor>().ProcessAsync(batch, TestContext.Current.CancellationToken);
    }
}
