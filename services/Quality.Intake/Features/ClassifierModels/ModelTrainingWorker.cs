using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.ML;
using Quality.Intake.Classification;
using Quality.Intake.Classification.Model;
using Quality.Intake.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Features.ClassifierModels;

/// <summary>
/// Trains queued models one at a time. A run is claimed with <c>FOR UPDATE SKIP LOCKED</c>, so one replica trains
/// it; one whose replica died mid-training is claimed again after <see cref="ClassifierOptions.TrainingTimeout"/>.
/// </summary>
public sealed partial class ModelTrainingWorker(
    IServiceScopeFactory scopes,
    FeedbackClassifier classifier,
    ActiveFeedbackModel active,
    TrainingSignal signal,
    IOptions<ClassifierOptions> options,
    TimeProvider time,
    ILogger<ModelTrainingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await TrainNextAsync(stoppingToken))
                {
                    continue;
                }

                await signal.WaitAsync(options.Value.TrainingPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                LogWorkerFailed(e);
                await Task.Delay(options.Value.TrainingPollInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Trains the oldest queued run, if any; false when there was nothing to do.</summary>
    public async Task<bool> TrainNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        if (await ClaimAsync(db, cancellationToken) is not { } id)
        {
            return false;
        }

        var model = await db.ClassifierModels.SingleAsync(m => m.Id == id, cancellationToken);
        LogTraining(id);
        try
        {
            var examples = await scope.ServiceProvider.GetRequiredService<TrainingData>().LoadAsync(cancellationToken);
            // Training is CPU-bound for seconds to minutes: off the request threads.
            var trained = await Task.Run(() => new FeedbackModelTrainer(classifier).Train(examples, model.HoldoutFraction), cancellationToken);
            var ml = new MLContext();
            model.Content = trained.ToBytes(ml);
            model.Metrics = trained.Metrics;
            model.Status = ClassifierModelStatus.Ready;
            model.FinishedAt = time.GetUtcNow();
            if (model.ActivateAtAccuracy is { } bar && trained.Metrics.KindAccuracy >= bar)
            {
                await active.SwitchAsync(
                    async () =>
                    {
                        // In use here before the database says so: whoever reads "active" from the API finds this
                        // replica already classifying with it. A failed commit puts the previous model back.
                        var previous = active.Current;
                        active.Use(new ActiveFeedbackModel.Activated(model.Id, trained));
                        try
                        {
                            await ClassifierModels.ActivateAsync(db, model, time.GetUtcNow(), cancellationToken);
                        }
                        catch
                        {
                            active.Use(previous);
                            throw;
                        }
                    },
                    cancellationToken);
            }
            else
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            LogTrained(id, trained.Metrics.KindAccuracy, trained.Metrics.TrainingExamples);
        }
        catch (RequestValidationException e)
        {
            await FailAsync(db, model, string.Join(" ", e.Errors.Values.SelectMany(v => v)), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogTrainingFailed(e, id);
            await FailAsync(db, model, $"Training failed: {e.Message}", cancellationToken);
        }

        return true;
    }

    private async Task<Guid?> ClaimAsync(IntakeDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var abandonedBefore = now - options.Value.TrainingTimeout;
        var queued = nameof(ClassifierModelStatus.Queued);
        var training = nameof(ClassifierModelStatus.Training);
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE classifier_models m SET status = {training}, started_at = {now}
            FROM (SELECT id FROM classifier_models
                  WHERE status = {queued} OR (status = {training} AND started_at < {abandonedBefore})
                  ORDER BY requested_at
                  LIMIT 1
                  FOR UPDATE SKIP LOCKED) next
            WHERE m.id = next.id
            RETURNING m.id AS "Value"
            """).ToListAsync(cancellationToken);
        return claimed.Count == 0 ? null : claimed[0];
    }

    private async Task FailAsync(IntakeDbContext db, ClassifierModel model, string error, CancellationToken cancellationToken)
    {
        model.Status = ClassifierModelStatus.Failed;
        model.Error = error;
        model.FinishedAt = time.GetUtcNow();
        model.Content = null;
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training classifier model {ModelId}")]
    private partial void LogTraining(Guid modelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trained classifier model {ModelId}: held-out kind accuracy {Accuracy:P1} on {Examples} training examples")]
    private partial void LogTrained(Guid modelId, double accuracy, int examples);

    [LoggerMessage(Level = LogLevel.Error, Message = "Training classifier model {ModelId} failed")]
    private partial void LogTrainingFailed(Exception exception, Guid modelId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The classifier training worker failed; trying again shortly")]
    private partial void LogWorkerFailed(Exception exception);
}
