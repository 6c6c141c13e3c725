namespace Quality.Intake.Features.Imports;

/// <summary>A row that was not stored, and why: the rejection report lists these.</summary>
public sealed class ImportRejection
{
    public Guid JobId { get; init; }

    /// <summary>CSV: the record's row as a spreadsheet numbers it (the header is row 1). JSON Lines: the line number.</summary>
    public long Row { get; init; }

    public required string Reason { get; init; }
}
