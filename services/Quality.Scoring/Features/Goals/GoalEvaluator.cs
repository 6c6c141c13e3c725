using Microsoft.Extensions.Options;

namespace Quality.Scoring.Features.Goals;

/// <summary>
/// Evaluates due goals on every replica; the row claims in <see cref="GoalEvaluation"/> make replicas share the work
/// without announcing anything twice.
/// </summary>
public sealed partial class GoalEvaluator(IServiceScopeFactory scopes, TimeProvider time, IOptions<GoalOptions> options, ILogger<GoalEvaluator> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Replicas started together would otherwise look at the same moment, every time.
        var poll = options.Value.EvaluationInterval / 4;
        await Task.Delay(poll * Random.Shared.NextDouble(), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EvaluateDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be away for a moment: nothing was announced, the next round retries.
                LogEvaluationFailed(e);
            }

            await Task.Delay(poll, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Evaluates batches until none is full; returns how many goals were evaluated.</summary>
    public async Task<int> EvaluateDueAsync(CancellationToken ct)
    {
        var total = 0;
        int claimed;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            claimed = await scope.ServiceProvider.GetRequiredService<GoalEvaluation>().EvaluateOnceAsync(time.GetUtcNow(), ct);
            total += claimed;
        }
        while (claimed == options.Value.BatchSize);

        return total;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Goal evaluation failed")]
    private partial void LogEvaluationFailed(Exception exception);
}
