using Grpc.Core;
using Quality.Intake.Grpc;

namespace Quality.Notifications.Features.Surveys;

/// <summary>
/// Asks Intake's service-only <c>GetSurveyContact</c>, with this service's identity. Not found is an answer
/// (the invitation is skipped); anything else that fails (unreachable, a deadline, a refused identity) is thrown, so
/// the invitation waits and asks again rather than being lost.
/// </summary>
public sealed class IntakeSurveyContacts(IntakeService.IntakeServiceClient intake) : ISurveyContacts
{
    public async Task<SurveyContact?> FindAsync(Guid feedbackId, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await intake.GetSurveyContactAsync(
                new GetSurveyContactRequest { FeedbackId = feedbackId.ToString() }, cancellationToken: cancellationToken);
            return new SurveyContact(reply.HasEmail ? reply.Email : null, reply.Language, reply.Erased);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
