using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Quality.Scoring.Features.Facts;

namespace Quality.Scoring.Consumers;

/// <summary>
/// Gathers the events that every <see cref="FactConsumer{TEvent}"/> on this replica is consuming into batches (up to
/// <see cref="FactBatchOptions.MessageLimit"/>, waiting at most <see cref="FactBatchOptions.TimeLimit"/> after the
/// first) and has each batch stored and folded at once. Each message still has a consumer of its own waiting for its
/// own outcome, so it is acknowledged, retried and dead-lettered alone: when a batch fails, its messages are
/// processed one by one, and only those that fail alone fail their consumer (and after the bus's retries end in
/// their queue's <c>_error</c> queue).
/// </summary>
public sealed partial class FactBatcher : IAsyncDisposable
{
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>();
    private readonly IServiceScopeFactory _scopes;
    private readonly FactBatchOptions _options;
    private readonly ILogger<FactBatcher> _logger;
    private readonly Task[] _workers;

    public FactBatcher(IServiceScopeFactory scopes, IOptions<FactBatchOptions> options, ILogger<FactBatcher> logger)
    {
        _scopes = scopes;
        _options = options.Value;
        _logger = logger;
        _workers = [.. Enumerable.Range(0, _options.Concurrency).Select(_ => Task.Run(RunAsync))];
    }

    /// <summary>Completes when the message's fact is stored and folded; throws what processing it alone threw.</summary>
    public async Task ProcessAsync(FactMessage message, CancellationToken ct)
    {
        var pending = new Pending(message, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _pending.Writer.WriteAsync(pending, ct);
        // A consumer cancelled (the bus stopping) stops waiting; its batch still completes, and the message, not
        // acknowledged, comes back and finds its receipt.
        await pending.Done.Task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await Task.WhenAll(_workers);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(_options.MessageLimit);
        var reader = _pending.Reader;
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

            await ProcessAsync(batch);
            batch.Clear();
        }
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

    private async Task ProcessAsync(List<Pending> batch)
    {
        try
        {
            await ProcessAsync([.. batch.Select(p => p.Message)]);
            batch.ForEach(p => p.Done.TrySetResult());
            return;
        }
        catch (Exception e) when (batch.Count > 1)
        {
            LogBatchFailed(e, batch.Count);
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
            return;
        }

        // Nothing of the batch was kept (its transaction rolled back): each message again, alone.
        foreach (var pending in batch)
        {
            try
            {
                await ProcessAsync([pending.Message]);
                pending.Done.TrySetResult();
            }
            catch (Exception e)
            {
                pending.Done.TrySetException(e);
            }
        }
    }

    private async Task ProcessAsync(IReadOnlyList<FactMessage> messages)
    {
        await using var scope = _scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FactBatchProcessor>().ProcessAsync(messages, CancellationToken.None);
    }

    private sealed record Pending(FactMessage Message, TaskCompletionSource Done);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} events failed; processing them one by one")]
    private partial void LogBatchFailed(Exception exception, int count);
}
