using Quality.Contracts.Intake;

namespace Quality.Intake.Classification;

/// <summary>What the classifier concluded about one text, with the matches that led it there.</summary>
public sealed record Classification(
    FeedbackKind Kind,
    string Category,
    int Severity,
    double Sentiment,
    string Language,
    double Confidence,
    IReadOnlyList<string> Evidence);
