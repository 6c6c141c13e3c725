using System.Linq.Expressions;
using Quality.Intake.Classification.Model;

namespace Quality.Intake.Features.ClassifierModels;

/// <summary>A model as operators see it: how it was made and how it scored, without its bytes.</summary>
public sealed record ClassifierModelSummary(
    Guid Id,
    ClassifierModelStatus Status,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    ModelMetrics? Metrics,
    bool IsActive,
    DateTimeOffset? ActivatedAt)
{
    /// <summary>The columns a summary needs, for queries: a model's bytes stay in the database.</summary>
    public static readonly Expression<Func<ClassifierModel, ClassifierModelSummary>> Projection = model => new ClassifierModelSummary(
        model.Id, model.Status, model.RequestedBy, model.RequestedAt, model.StartedAt, model.FinishedAt,
        model.Error, model.Metrics, model.IsActive, model.ActivatedAt);

    private static readonly Func<ClassifierModel, ClassifierModelSummary> Compiled = Projection.Compile();

    public static ClassifierModelSummary From(ClassifierModel model) => Compiled(model);
}
