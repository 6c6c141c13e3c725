using Quality.Intake.Features.Feedback;

namespace Quality.Intake.Features.Imports;

/// <summary>
/// A batch of rows read, validated, classified and encrypted, not yet stored: what <see cref="ImportBatchPreparer"/>
/// hands to <see cref="ImportBatchStore"/>.
/// </summary>
/// <param name="Rows">Every row of the batch as read, for the job's progress.</param>
/// <param name="Rejections">Rows unreadable or invalid, with the reason.</param>
/// <param name="Fresh">Items to store, each (channel, external id) once: the first row with an id wins.</param>
/// <param name="Duplicates">Rows repeating an external id seen earlier in the batch.</param>
public sealed record PreparedImportBatch(
    IReadOnlyList<ImportRow> Rows,
    IReadOnlyList<ImportRejection> Rejections,
    IReadOnlyList<(FeedbackItem Item, string? Tier)> Fresh,
    int Duplicates);
