using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Quality.Messaging.Batching;
using Quality.Scoring.Features.Facts;
using Quality.Scoring.Features.LiveKpis;

namespace Quality.Scoring.Consumers;

/// <summary>
/// Gathers the events that every <see cref="FactConsumer{TEvent}"/> on this replica is consuming into batches (up to
/// <see cref="FactBatchOptions.MessageLimit"/>, waiting at most <see cref="FactBatchOptions.TimeLimit"/> after the
/// first) and has each batch stored and folded at once. The <see cref="MessageBatchOptions.Concurrency"/> batches in
/// flight take disjoint shares of the events, by correlation id (the feedback item a case was opened from, which
/// Intake and Routing stamp on every event of the case): a case's events meet in one batch or in consecutive ones,
/// instead of two batches waiting for each other's locks on it. Each message still has a consumer of its own waiting for its
/// own outcome, so it is acknowledged, retried and dead-lettered alone: when a batch fails, its messages are
/// processed one by one, and only those that fail alone fail their consumer (and after the bus's retries end in
/// their queue's <c>_error</c> queue).
/// </summary>
public sealed partial class FactBatcher : IAsyncDisposable
{
    private readonly Channel<Pending>[] _pending;
    private readonly IServiceScopeFactory _scopes;
    private readonly LiveStore _store;
    private readonly FactBatchOptions _options;
    private readonly ILogger<FactBatcher> _logger;
    private readonly Task[] _workers;

    public FactBatcher(IServiceScopeFactory scopes, LiveStore store, IOptions<FactBatchOptions> options, ILogger<FactBatcher> logger)
    {
        _scopes = scopes;
        _store = store;
        _options = options.Value;
        _logger = logger;
        _pending = [.. Enumerable.Range(0, _options.Concurrency).Select(_ => Channel.CreateUnbounded<Pending>())];
        _workers = [.. _pending.Select(channel => Task.Run(() => RunAsync(channel.Reader)))];
    }

    /// <summary>
    /// Completes when the message's fact is stored and folded (its delta logged; Redis has it moments later); throws
    /// what processing it alone threw.
    /// </summary>
    public async Task ProcessAsync(FactMessage message, CancellationToken ct)
    {
        var pending = new Pending(message, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var share = (uint)message.Event.CorrelationId.GetHashCode() % (uint)_pending.Length;
        await _pending[share].Writer.WriteAsync(pending, ct);
        // A consumer cancelled (the bus stopping) stops waiting; its batch still completes, and the message, not
        // acknowledged, comes back and finds its receipt.
        await pending.Done.Task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _pending)
        {
            channel.Writer.TryComplete();
        }

        await Task.WhenAll(_workers);
    }

    private async Task RunAsync(ChannelReader<Pending> reader)
    {
        var batch = new List<Pending>(_options.MessageLimit);
        // A stored batch's delta is applied to Redis while the next batch is gathered and stored (its messages are
        // acknowledged once stored: the delta is logged with the facts). One apply at a time per worker.
        var applying = Task.CompletedTask;
        while (await reader.WaitToReadAsync())
        {
            if (!reader.TryRead(out var first))
            {
                continue;
            }

            batch.Add(first);
            using (var wait = new CancellationTokenSource(_options.TimeLimit))
            {
                while (batch.Count < _options.MessageLimit)
                {
                    if (reader.TryRead(out var next))
                    {
                        batch.Add(next);
                    }
                    else if (!await WaitForMoreAsync(reader, wait.Token))
                    {
                        break;
                    }
                }
            }

            var stored = await StoreAsync(batch);
            batch.Clear();
            await applying;
            applying = _store.ApplyAfterCommitAsync(stored);
        }

        await applying;
    }

    private static async Task<bool> WaitForMoreAsync(ChannelReader<Pending> reader, CancellationToken timeLimit)
    {
        try
        {
            return await reader.WaitToReadAsync(timeLimit);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Stores the batch and completes its messages; returns its delta, left to apply to Redis. A batch that fails is
    /// stored message by message, each applied at once.
    /// </summary>
    private async Task<LivePendingDelta?> StoreAsync(List<Pending> batch)
    {
        try
        {
            var delta = await StoreAsync([.. batch.Select(p => p.Message)]);
            batch.ForEach(p => p.Done.TrySetResult());
            return delta;
        }
        catch (Exception e) when (batch.Count > 1)
        {
            LogBatchFailed(e, batch.Count);
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
            return null;
        }

        // Nothing of the batch was kept (its transaction rolled back): each message again, alone.
        foreach (var pending in batch)
        {
            try
            {
                await _store.ApplyAfterCommitAsync(await StoreAsync([pending.Message]));
                pending.Done.TrySetResult();
            }
            catch (Exception e)
            {
                pending.Done.TrySetException(e);
            }
        }

        return null;
    }

    private async Task<LivePendingDelta?> StoreAsync(IReadOnlyList<FactMessage> messages)
    {
        await using var scope = _scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FactBatchProcessor>().StoreAsync(messages, CancellationToken.None);
    }

    private sealed record Pending(FactMessage Message, TaskCompletionSource Done);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} events failed; processing them one by one")]
    private partial void LogBatchFailed(Exception exception, int count);
}
