using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quality.Intake.Grpc;
using Quality.ServiceDefaults;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Notifications.Tests.Infrastructure;

/// <summary>
/// Intake's <c>GetSurveyContact</c> over real cleartext HTTP/2 on loopback, admitting services only (as Intake
/// does), answering from <see cref="FakeIntake"/>: a stand-in at the service boundary, not for infrastructure.
/// </summary>
public sealed class FakeIntakeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeIntakeServer(WebApplication app) => _app = app;

    public string Url => _app.Urls.Single();

    public static async Task<FakeIntakeServer> StartAsync(FakeIntake intake, string signingKey, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = signingKey });
        builder.AddServiceDefaults();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(intake);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcService<Service>().RequireAuthorization(Policies.Service);
        await app.StartAsync(cancellationToken);
        return new FakeIntakeServer(app);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

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
