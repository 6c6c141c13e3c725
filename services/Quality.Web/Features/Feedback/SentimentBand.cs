namespace Quality.Web.Features.Feedback;

/// <summary>Intake's sentiment bands (intake.proto, <c>FeedbackCounts.by_sentiment</c>), so an item's band matches the counts.</summary>
public static class SentimentBand
{
    public static string Of(double sentiment) => sentiment <= -0.2 ? "negative" : sentiment >= 0.2 ? "positive" : "neutral";
}
