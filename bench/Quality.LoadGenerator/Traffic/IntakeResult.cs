namespace Quality.LoadGenerator.Traffic;

/// <summary>One stored item as Intake answered it.</summary>
public sealed record IntakeResult(Guid FeedbackId, bool Duplicate, string Kind)
{
    public bool IsComplaint => Kind == "complaint";
}
