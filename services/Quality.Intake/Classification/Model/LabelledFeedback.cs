using Quality.Contracts.Intake;

namespace Quality.Intake.Classification.Model;

/// <summary>
/// One training example: a text and what a person said it is. The category is optional because some sources
/// (a labelled review corpus) only know whether the customer complained.
/// </summary>
public sealed record LabelledFeedback(string Text, FeedbackKind Kind, string? Category = null);
