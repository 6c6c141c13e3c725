using Microsoft.EntityFrameworkCore;
using Microsoft.ML;
using Quality.Intake.Classification.Model;
using Quality.Intake.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Features.ClassifierModels;

/// <summary>Queues training runs, lists them, and switches which model classification uses.</summary>
public sealed class ClassifierModels(IntakeDbContext db, ActiveFeedbackModel active, TrainingSignal signal, TimeProvider time)
{
    public const int Listed = 50;

    public async Task<ClassifierModelSummary> QueueTrainingAsync(TrainModelRequest request, string requestedBy, CancellationToken cancellationToken)
    {
        var model = new ClassifierModel
        {
            Id = Guid.CreateVersion7(),
            Status = ClassifierModelStatus.Queued,
            RequestedBy = requestedBy,
            RequestedAt = time.GetUtcNow(),
            HoldoutFraction = request.HoldoutFraction,
            ActivateAtAccuracy = request.ActivateAtAccuracy,
        };
        db.ClassifierModels.Add(model);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return ClassifierModelSummary.From(model);
    }

    public async Task<IReadOnlyList<ClassifierModelSummary>> ListAsync(CancellationToken cancellationToken) =>
        await db.ClassifierModels.AsNoTracking().OrderByDescending(m => m.RequestedAt).Take(Listed).Select(ClassifierModelSummary.Projection).ToListAsync(cancellationToken);

    public async Task<ClassifierModelSummary> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.ClassifierModels.AsNoTracking().Where(m => m.Id == id).Select(ClassifierModelSummary.Projection).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException($"Classifier model {id} does not exist.");

    /// <summary>The active model, or null while classification uses the rules alone.</summary>
    public async Task<ClassifierModelSummary?> GetActiveAsync(CancellationToken cancellationToken) =>
        await db.ClassifierModels.AsNoTracking().Where(m => m.IsActive).Select(ClassifierModelSummary.Projection).SingleOrDefaultAsync(cancellationToken);

    public async Task<ClassifierModelSummary> ActivateAsync(Guid id, CancellationToken cancellationToken)
    {
        var model = await FindAsync(id, cancellationToken);
        if (model.Status != ClassifierModelStatus.Ready || model.Content is null)
        {
            throw new ConflictException($"Model {id} is {model.Status.ToString().ToLowerInvariant()}; only a ready model can be activated.");
        }

        // This replica switches at once; the others on their next refresh.
        var loaded = FeedbackModel.FromBytes(new MLContext(), model.Content);
        await active.SwitchAsync(
            async () =>
            {
                await ActivateAsync(db, model, time.GetUtcNow(), cancellationToken);
                active.Use(new ActiveFeedbackModel.Activated(model.Id, loaded));
            },
            cancellationToken);
        return ClassifierModelSummary.From(model);
    }

    /// <summary>Makes <paramref name="model"/> the one active model, in one transaction with switching the old one off.</summary>
    public static async Task ActivateAsync(IntakeDbContext db, ClassifierModel model, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ClassifierModels.Where(m => m.IsActive && m.Id != model.Id)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.IsActive, false), cancellationToken);
        model.IsActive = true;
        model.ActivatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Back to the rules alone, on every replica.</summary>
    public async Task DeactivateAsync(CancellationToken cancellationToken)
    {
        await active.SwitchAsync(
            async () =>
            {
                await db.ClassifierModels.Where(m => m.IsActive).ExecuteUpdateAsync(m => m.SetProperty(x => x.IsActive, false), cancellationToken);
                active.Use(null);
            },
            cancellationToken);
    }

    private async Task<ClassifierModel> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.ClassifierModels.SingleOrDefaultAsync(m => m.Id == id, cancellationToken)
        ?? throw new NotFoundException($"Classifier model {id} does not exist.");
}
