namespace Quality.Routing.Features.Cases;

/// <summary>
/// A complaint a case answers: the one that opened it and every repeat that joined it. The feedback id is
/// the key, so a complaint lands on one case once, however often it is delivered.
/// </summary>
public sealed class CaseComplaint
{
    public Guid FeedbackId { get; init; }
    public Guid CaseId { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When Routing took it in: the opening, or the moment it joined the case.</summary>
    public DateTimeOffset RecordedAt { get; init; }

    public int Severity { get; init; }
    public double Sentiment { get; init; }
    public required string Channel { get; init; }
}
