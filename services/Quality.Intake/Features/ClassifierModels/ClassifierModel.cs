using Quality.Intake.Classification.Model;

namespace Quality.Intake.Features.ClassifierModels;

/// <summary>
/// One training run and, once it succeeded, the model it made. Kept in the database so every replica loads the
/// same active model and an operator can go back to an earlier one.
/// </summary>
public sealed class ClassifierModel
{
    public Guid Id { get; init; }
    public ClassifierModelStatus Status { get; set; }
    public required string RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public double HoldoutFraction { get; init; }

    /// <summary>Activate the model when training ends if its held-out kind accuracy reaches this; never when null.</summary>
    public double? ActivateAtAccuracy { get; init; }

    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? Error { get; set; }
    public ModelMetrics? Metrics { get; set; }
    public byte[]? Content { get; set; }
    public bool IsActive { get; set; }
    public DateTimeOffset? ActivatedAt { get; set; }
}
