namespace Quality.LoadGenerator.Traffic;

/// <summary>The Intake channels the generator drives.</summary>
public enum Channel
{
    /// <summary><c>POST /api/feedback</c>, one item.</summary>
    Api,

    /// <summary><c>POST /api/feedback/batch</c>, several items.</summary>
    Batch,

    /// <summary><c>POST /api/surveys</c>, an NPS answer with the review as comment.</summary>
    Survey,

    /// <summary><c>POST /api/email</c>, a raw RFC 822 message.</summary>
    Email,

    /// <summary><c>POST /api/transcripts/chat</c>, a chat of customer and agent turns; the review is the customer's complaint.</summary>
    Transcript,
}
