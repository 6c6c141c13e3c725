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

    /// <summary>
    /// <c>POST /api/imports</c>, a CSV file of several rows; stored when the import job has finished (it answers no
    /// feedback ids, so its complaints are not followed to their assignment).
    /// </summary>
    Import,
}
