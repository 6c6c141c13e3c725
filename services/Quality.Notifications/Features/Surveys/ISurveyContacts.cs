namespace Quality.Notifications.Features.Surveys;

/// <summary>
/// Intake, which alone holds customers' addresses. Answers null when it does not know the feedback; throws
/// when it cannot be asked right now (the invitation then waits and asks again).
/// </summary>
public interface ISurveyContacts
{
    Task<SurveyContact?> FindAsync(Guid feedbackId, CancellationToken cancellationToken);
}
