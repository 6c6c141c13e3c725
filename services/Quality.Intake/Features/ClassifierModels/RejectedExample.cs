namespace Quality.Intake.Features.ClassifierModels;

/// <summary>A row of an example import that was not stored: its line in the file and why.</summary>
public sealed record RejectedExample(int Row, string Reason);
