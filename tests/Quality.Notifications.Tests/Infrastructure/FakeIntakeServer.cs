using Grpc.Core;
using Quality.Intake.Grpc;

namespace Quality.Notifications.Tests.Infrastructure;

/// <summary>
/// Intake's <c>GetSurveyContact</c> over real cleartext HTTP/2 on loopback, admitting services only (as Intake
/// does), answering from <see cref="FakeIntake"/>: a stand-in at the service boundary, not for infrastructure.
/// </summary>
public static class FakeIntakeServer
{
    public static Task<FakeGrpcServer> StartAsync(FakeIntake intake, string signingKey, CancellationToken cancellationToken) =>
        FakeGrpcServer.StartAsync<Service, FakeIntake>(intake, signingKey, cancellationToken);

    private sealed class Service(FakeIntake intake) : IntakeService.IntakeServiceBase
    {
        public override Task<SurveyContact> GetSurveyContact(GetSurveyContactRequest request, ServerCallContext context)
        {
            if (!Guid.TryParse(request.FeedbackId, out var feedbackId))
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, "feedback_id is not a UUID"));
            }

            Features.Surveys.SurveyContact? contact;
            try
            {
                contact = intake.Find(feedbackId);
            }
            catch (IntakeDownException e)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, e.Message));
            }

            if (contact is null)
            {
                throw new RpcException(new Status(StatusCode.NotFound, $"feedback {feedbackId} not found"));
            }

            return Task.FromResult(new SurveyContact
            {
                Email = contact.Email ?? "",
                HasEmail = !string.IsNullOrEmpty(contact.Email),
                Language = contact.Language ?? "",
                Erased = contact.Erased,
            });
        }
    }
}
