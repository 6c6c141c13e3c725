using Quality.Contracts.Intake;

namespace Quality.Intake.Features.ClassifierModels;

/// <summary>A labelled text an operator imported to train on, beside the reclassifications people made.</summary>
public sealed class TrainingExample
{
    public Guid Id { get; init; }
    public required string Text { get; init; }
    public FeedbackKind Kind { get; init; }
    public string? Category { get; init; }
    public DateTimeOffset ImportedAt { get; init; }
    public required string ImportedBy { get; init; }
}
