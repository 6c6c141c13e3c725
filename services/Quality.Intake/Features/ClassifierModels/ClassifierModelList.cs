namespace Quality.Intake.Features.ClassifierModels;

/// <summary>The latest training runs, newest first (at most <see cref="ClassifierModels.Listed"/>).</summary>
public sealed record ClassifierModelList(IReadOnlyList<ClassifierModelSummary> Models);
