namespace Quality.Intake.Features.Reclassification;

public sealed record ReclassificationHistory(IReadOnlyList<ReclassificationEntry> Reclassifications);
