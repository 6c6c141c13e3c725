using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.ML;
using Quality.Intake.Classification.Model;
using Quality.Intake.Infrastructure;

namespace Quality.Intake.Features.ClassifierModels;

/// <summary>
/// Keeps this replica on the model marked active in the database: loads it at start and whenever another replica
/// activates a different one, and drops back to the rules when none is active.
/// </summary>
public sealed partial class ActiveModelRefresher(
    IServiceScopeFactory scopes, ActiveFeedbackModel active, IOptions<ClassifierOptions> options, TimeProvider time, ILogger<ActiveModelRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ModelRefreshInterval, time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The model in use stays in use: a database hiccup must not switch classification off.
                LogRefreshFailed(e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    public Task RefreshAsync(CancellationToken cancellationToken) => active.SwitchAsync(
        async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            var activeId = await db.ClassifierModels.Where(m => m.IsActive).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(cancellationToken);
            if (activeId == active.Current?.Id)
            {
                return;
            }

            if (activeId is not { } id)
            {
                active.Use(null);
                LogDeactivated();
                return;
            }

            var content = await db.ClassifierModels.Where(m => m.Id == id).Select(m => m.Content).SingleAsync(cancellationToken);
            active.Use(new ActiveFeedbackModel.Activated(id, FeedbackModel.FromBytes(new MLContext(), content!)));
            LogActivated(id);
        },
        cancellationToken);

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Classifying with model {ModelId}")]
    private partial void LogActivated(Guid modelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "No model is active: classifying with the rules alone")]
    private partial void LogDeactivated();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check which classifier model is active; keeping the current one")]
    private partial void LogRefreshFailed(Exception exception);
}
