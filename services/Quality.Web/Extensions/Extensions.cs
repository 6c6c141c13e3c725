using Quality.Contracts;
using Quality.Intake.Grpc;
using Quality.Notifications.Grpc;
using Quality.Routing.Grpc;
using Quality.Scoring.Grpc;
using Quality.ServiceDefaults;
using Quality.Web.Account;
using Quality.Web.Components;
using Quality.Web.Features.Alerts;
using Quality.Web.Features.Feedback;
using Quality.Web.Features.Overview;
using Quality.Web.Features.People;
using Quality.Web.Features.Queue;
using Quality.Web.Localization;

namespace Quality.Web.Extensions;

internal static class Extensions
{
    public static void AddWebServices(this IHostApplicationBuilder builder)
    {
        builder.AddWebAuthentication();
        builder.AddWebLocalization();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddSingleton<PersonTokens>();
        builder.Services.AddSingleton<ReconnectingStream>();
        // Every call carries the signed-in person's token (PersonTokens), never a service identity; only the
        // queries are retried.
        builder.Services.AddServiceGrpcClient<ScoringService.ScoringServiceClient>(
            ResourceNames.Scoring, "quality.scoring.v1.ScoringService", nameof(ScoringService.ScoringServiceClient.GetKpis), nameof(ScoringService.ScoringServiceClient.ListGoals),
            nameof(ScoringService.ScoringServiceClient.GetLeaderboard), nameof(ScoringService.ScoringServiceClient.GetScorecard),
            nameof(ScoringService.ScoringServiceClient.ListSurges));
        builder.Services.AddServiceGrpcClient<QaService.QaServiceClient>(
            ResourceNames.Scoring, "quality.scoring.v1.QaService",
            nameof(QaService.QaServiceClient.ListReviews), nameof(QaService.QaServiceClient.ListCalibrations));
        builder.Services.AddScoped<KpiQueries>();
        builder.Services.AddScoped<LiveKpiFeed>();
        builder.Services.AddScoped<Features.Goals.GoalService>();
        builder.Services.AddScoped<PeopleService>();

        builder.Services.AddServiceGrpcClient<RoutingService.RoutingServiceClient>(
            ResourceNames.Routing, "quality.routing.v1.RoutingService",
            nameof(RoutingService.RoutingServiceClient.GetCase), nameof(RoutingService.RoutingServiceClient.ListCases),
            nameof(RoutingService.RoutingServiceClient.GetCaseTimeline), nameof(RoutingService.RoutingServiceClient.GetCaseSla),
            nameof(RoutingService.RoutingServiceClient.ListAgents));
        builder.Services.AddScoped<CaseService>();

        builder.Services.AddServiceGrpcClient<NotificationsService.NotificationsServiceClient>(
            ResourceNames.Notifications, "quality.notifications.v1.NotificationsService",
            nameof(NotificationsService.NotificationsServiceClient.ListAlerts), nameof(NotificationsService.NotificationsServiceClient.GetUnreadCount));
        builder.Services.AddScoped<AlertService>();
        builder.Services.AddScoped<AlertFeed>();

        builder.Services.AddServiceGrpcClient<IntakeService.IntakeServiceClient>(
            ResourceNames.Intake, "quality.intake.v1.IntakeService",
            nameof(IntakeService.IntakeServiceClient.ListFeedback), nameof(IntakeService.IntakeServiceClient.CountFeedback));
        builder.Services.AddScoped<FeedbackService>();
    }

    public static void MapWebEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        // After authentication, so the signed-in person's configured language is known.
        app.UseRequestLocalization();
        app.UseAuthorization();
        app.UseAntiforgery();

        // The sign-in page needs its styles and script before anyone is signed in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapLanguageEndpoint();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
