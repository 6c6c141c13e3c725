namespace Quality.Intake.Features.Feedback;

/// <param name="Items">One result per submitted item, in the order sent.</param>
public sealed record SubmitBatchResponse(int Stored, int Duplicates, int Rejected, IReadOnlyList<BatchItemResult> Items);
