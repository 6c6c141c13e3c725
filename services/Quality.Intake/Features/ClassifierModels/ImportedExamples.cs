namespace Quality.Intake.Features.ClassifierModels;

/// <summary>What an example import stored, and the rows it refused (the first <see cref="TrainingExampleImporter.RejectionsListed"/>, with the total).</summary>
public sealed record ImportedExamples(int Imported, int RejectedCount, IReadOnlyList<RejectedExample> Rejected);
