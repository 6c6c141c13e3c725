namespace Quality.Intake.Features.Imports;

public enum ImportFormat
{
    Csv = 1,
    JsonLines = 2,
}
