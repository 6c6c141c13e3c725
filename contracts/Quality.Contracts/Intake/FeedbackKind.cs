namespace Quality.Contracts.Intake;

public enum FeedbackKind
{
    Complaint = 1,
    Praise = 2,
    Suggestion = 3,
    Inquiry = 4,
}
