namespace Quality.Intake.Features.ClassifierModels;

public sealed record DeletedExamples(int Deleted);
