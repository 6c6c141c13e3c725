using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quality.Messaging.Persistence;

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
    /// The batch form of <see cref="ProcessOnceAsync{TConsumer}"/>: writes every receipt in one statement, runs
    /// <paramref name="effect"/> for those not seen before and commits it with them. Returns the receipts that were
    /// new (the effect's input). Receipts are inserted in key order, so two batches sharing messages wait on each
    /// other instead of deadlocking; a copy of a message another transaction is committing waits for it, then counts as seen.
    /// </summary>
    public async Task<IReadOnlySet<InboxReceipt>> ProcessOnceAsync(
        IReadOnlyCollection<InboxReceipt> receipts, Func<IReadOnlySet<InboxReceipt>, CancellationToken, Task> effect, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Database.AutoSavepointsEnabled = false;
        // One statement sent straight through Npgsql: it runs for every batch, and EF Core's query pipeline would cost
        // more than the statement.
        await using var batch = new NpgsqlBatch
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("""
                    INSERT INTO inbox_messages (consumer, message_id, processed_at)
                    SELECT consumer, message_id, $3 FROM unnest($1::text[], $2::uuid[]) AS r (consumer, message_id)
                    ORDER BY consumer, message_id
                    ON CONFLICT DO NOTHING
                    RETURNING consumer, message_id
                    """)
                {
                    Parameters =
                    {
                        new NpgsqlParameter<string[]> { TypedValue = [.. receipts.Select(r => r.Consumer)] },
                        new NpgsqlParameter<Guid[]> { TypedValue = [.. receipts.Select(r => r.MessageId)] },
                        new NpgsqlParameter<DateTimeOffset> { TypedValue = time.GetUtcNow() },
                    },
                },
            },
        };
        var fresh = await db.ReadBatchAsync(batch, async (reader, token) =>
        {
            var inserted = new HashSet<InboxReceipt>();
            while (await reader.ReadAsync(token))
            {
                inserted.Add(new InboxReceipt(reader.GetString(0), reader.GetGuid(1)));
            }

            return inserted;
        }, cancellationToken);
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

    /// <summary>The receipt a message leaves for <typeparamref name="TConsumer"/>, the same <see cref="ProcessOnceAsync{TConsumer}"/> writes.</summary>
    public static InboxReceipt ReceiptFor<TConsumer>(ConsumeContext context) => new(
        ConsumerName<TConsumer>.Value,
        context.MessageId ?? throw new InvalidOperationException("A message without a MessageId cannot be deduplicated."));

    /// <summary>
    /// The batch form for one consumer's messages (<paramref name="messageId"/> names each): <paramref name="effect"/>
    /// runs for those never processed before, a message id repeated in the batch counting once, and commits with their
    /// receipts. Returns the messages applied; none when every one had been processed, and then nothing runs.
    /// </summary>
    public async Task<IReadOnlyList<TMessage>> ProcessBatchOnceAsync<TConsumer, TMessage>(
        IReadOnlyList<TMessage> messages, Func<TMessage, Guid> messageId, Func<IReadOnlyList<TMessage>, CancellationToken, Task> effect,
        CancellationToken cancellationToken)
    {
        var consumer = ConsumerName<TConsumer>.Value;
        InboxReceipt ReceiptOf(TMessage message) => new(consumer, messageId(message));
        var applied = new List<TMessage>();
        await ProcessOnceAsync([.. messages.Select(ReceiptOf).Distinct()], (fresh, token) =>
        {
            // The first copy of each new message; the rest of the batch was seen before (or earlier in it).
            var pending = fresh.ToHashSet();
            applied.AddRange(messages.Where(m => pending.Remove(ReceiptOf(m))));
            return effect(applied, token);
        }, cancellationToken);
        return applied;
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
