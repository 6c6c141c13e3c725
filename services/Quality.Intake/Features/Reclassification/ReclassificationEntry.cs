using Quality.Contracts.Intake;

namespace Quality.Intake.Features.Reclassification;

public sealed record ReclassificationEntry(
    Guid Id, Guid FeedbackId, string ChangedBy, DateTimeOffset ChangedAt, string Reason,
    FeedbackKind PreviousKind, string PreviousCategory, int PreviousSeverity, FeedbackKind Kind, string Category, int Severity)
{
    public static ReclassificationEntry From(Reclassification r) => new(
        r.Id, r.FeedbackId, r.ChangedBy, r.ChangedAt, r.Reason, r.PreviousKind, r.PreviousCategory, r.PreviousSeverity, r.Kind, r.Category, r.Severity);
}
