using Microsoft.EntityFrameworkCore;
using Quality.Intake.Classification.Model;
using Quality.Intake.Infrastructure;

namespace Quality.Intake.Features.ClassifierModels;

/// <summary>
/// Everything a model can learn from: the examples operators imported and every item a person reclassified,
/// as it stands after their last correction (a person's word beats the classifier's).
/// </summary>
public sealed class TrainingData(IntakeDbContext db)
{
    public async Task<List<LabelledFeedback>> LoadAsync(CancellationToken cancellationToken)
    {
        // In a fixed order, so the seeded split (and so the model) is the same for the same data.
        var imported = await db.TrainingExamples.AsNoTracking()
            .OrderBy(e => e.Id)
            .Select(e => new LabelledFeedback(e.Text, e.Kind, e.Category))
            .ToListAsync(cancellationToken);
        var corrected = await db.Feedback.AsNoTracking()
            .Where(f => db.Reclassifications.Any(r => r.FeedbackId == f.Id))
            .OrderBy(f => f.Id)
            .Select(f => new LabelledFeedback(f.Text, f.Kind, f.Category))
            .ToListAsync(cancellationToken);
        return [.. imported, .. corrected];
    }

    /// <summary>Forgets every imported example; people's reclassifications stay, they are the feedback's history.</summary>
    public Task<int> DeleteImportedAsync(CancellationToken cancellationToken) => db.TrainingExamples.ExecuteDeleteAsync(cancellationToken);
}
