namespace Quality.Intake.Features.Feedback;

/// <summary>
/// Sentiment where the customer chose a score (survey, review rating) and may have written a comment: the
/// score weighs more, as it is what the customer chose; the comment's reading is the classifier's guess.
/// A comment with no sentiment words says nothing about mood, so then the score alone counts.
/// </summary>
internal static class ChosenSentiment
{
    private const double ScoreWeight = 0.6;

    public static double Blend(double score, Classification.Classification? text) =>
        HasSentiment(text) ? Math.Round(ScoreWeight * score + (1 - ScoreWeight) * text!.Sentiment, 3) : score;

    private static bool HasSentiment(Classification.Classification? text) =>
        text is not null && text.Evidence.Any(e => e.StartsWith("positive:", StringComparison.Ordinal) || e.StartsWith("negative:", StringComparison.Ordinal));
}
