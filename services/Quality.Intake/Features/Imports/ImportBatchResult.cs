namespace Quality.Intake.Features.Imports;

/// <param name="Rejections">Rows that failed validation, with the reason.</param>
public sealed record ImportBatchResult(int Stored, int Duplicates, IReadOnlyList<ImportRejection> Rejections);
