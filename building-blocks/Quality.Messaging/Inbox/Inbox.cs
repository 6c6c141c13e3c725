using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Quality.Messaging.Inbox;

/// <summary>
/// Applies a message's effect at most once per consumer. The receipt row and the effect (with any events
/// it raises into the outbox) commit in one transaction; a redelivered or re-published message finds the
/// receipt and is acknowledged without effect. Two copies delivered at the same time serialise on the
/// receipt's primary key: the second waits, then sees the first's receipt.
/// </summary>
public sealed class Inbox<TDbContext>(TDbContext db, TimeProvider time) where TDbContext : DbContext
{
    /// <summary>
    /// Runs <paramref name="effect"/> (which changes <typeparamref name="TDbContext"/> but does not save)
    /// and commits it with the receipt. Returns false when the message had already been processed.
    /// </summary>
    public Task<bool> ProcessOnceAsync<TConsumer>(ConsumeContext context, Func<CancellationToken, Task> effect) =>
        ProcessOnceAsync<TConsumer>(
            context.MessageId ?? throw new InvalidOperationException("A message without a MessageId cannot be deduplicated."),
            effect, context.CancellationToken);

    /// <summary>
    /// <see cref="ProcessOnceAsync{TConsumer}(ConsumeContext, Func{CancellationToken, Task})"/> for a message known
    /// by its id, e.g. one taken from a batch.
    /// </summary>
    public async Task<bool> ProcessOnceAsync<TConsumer>(Guid messageId, Func<CancellationToken, Task> effect, CancellationToken cancellationToken)
    {
        var consumer = ConsumerName<TConsumer>.Value;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The transaction is ours and any failure rolls all of it back, so the savepoint EF Core would wrap
        // round every SaveChanges inside it (two more round trips each) could never be rolled back to.
        db.Database.AutoSavepointsEnabled = false;
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO inbox_messages (consumer, message_id, processed_at)
            VALUES ({consumer}, {messageId}, {time.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        if (inserted == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await effect(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The batch form of <see cref="ProcessOnceAsync{TConsumer}(ConsumeContext, Func{CancellationToken, Task})"/>:
    /// one receipt statement for all the messages (<paramref name="messageId"/> names each), then
    /// <paramref name="effect"/> for those never processed before (a message id repeated in the batch counts
    /// once), committed together with their receipts. Returns the messages applied; none when every one had been
    /// processed, and then nothing runs. Any failure rolls back every receipt and the whole effect.
    /// </summary>
    public async Task<IReadOnlyList<TMessage>> ProcessBatchOnceAsync<TConsumer, TMessage>(
        IReadOnlyList<TMessage> messages, Func<TMessage, Guid> messageId, Func<IReadOnlyList<TMessage>, CancellationToken, Task> effect,
        CancellationToken cancellationToken)
    {
        var ids = messages.Select(messageId).Distinct().ToArray();
        var consumer = ConsumerName<TConsumer>.Value;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Database.AutoSavepointsEnabled = false;
        var inserted = (await db.Database.SqlQuery<Guid>($"""
            INSERT INTO inbox_messages (consumer, message_id, processed_at)
            SELECT {consumer}, id, {time.GetUtcNow()} FROM unnest({ids}) AS id
            ON CONFLICT DO NOTHING
            RETURNING message_id AS "Value"
            """).ToListAsync(cancellationToken)).ToHashSet();
        // The first copy of each new message id; the rest of the batch was seen before (or earlier in it).
        var fresh = messages.Where(m => inserted.Remove(messageId(m))).ToList();
        if (fresh.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return fresh;
        }

        await effect(fresh, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return fresh;
    }

    /// <summary>
    /// The receipt's consumer key: the type's name, with type arguments spelled out for generic consumers
    /// (<c>FactConsumer&lt;CaseAssigned&gt;</c>), so one generic consumer per event keeps a receipt per event type.
    /// </summary>
    private static class ConsumerName<TConsumer>
    {
        public static readonly string Value = NameOf(typeof(TConsumer));

        private static string NameOf(Type type) => type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(",", type.GetGenericArguments().Select(NameOf))}>"
            : type.Name;
    }
}
