namespace Quality.Intake.Classification.Model;

/// <summary>
/// How a model did on the held-out part of its training data: the figures an operator reads before trusting it.
/// Complaint recall is the share of held-out complaints the model also calls complaints: a missed complaint is
/// a customer nobody answers.
/// </summary>
public sealed record ModelMetrics(
    int TrainingExamples,
    int TestExamples,
    double KindAccuracy,
    double KindMacroF1,
    double ComplaintRecall,
    double? CategoryAccuracy);
