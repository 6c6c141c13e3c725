using Quality.Contracts;
using Quality.Intake.Classification;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Infrastructure;
using Quality.Messaging;
using Quality.ServiceDefaults;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<IntakeDbContext>(ResourceNames.IntakeDb);
        builder.AddMessaging<IntakeDbContext>(ResourceNames.RabbitMQ);
        builder.AddPostgresHealthCheck(ResourceNames.IntakeDb);

        builder.Services.AddSingleton(_ => Lexicon.Load(Path.Combine(AppContext.BaseDirectory, "Classification", "lexicon.json")));
        builder.Services.AddSingleton<FeedbackClassifier>();
        builder.Services.AddScoped<FeedbackSubmitter>();

        builder.Services.AddGrpc(o => o.Interceptors.Add<GrpcExceptionInterceptor>()).AddJsonTranscoding();
    }
}
