namespace Quality.Intake.Features.Imports;

/// <summary>The file cannot be read past <see cref="Row"/>; what came before it is kept.</summary>
public sealed class ImportStoppedException(long row, string reason) : Exception($"Row {row} {reason}.")
{
    public long Row { get; } = row;
    public string Reason { get; } = reason;
}
