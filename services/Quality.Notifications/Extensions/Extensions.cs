using Quality.Contracts;
using Quality.Messaging;
using Quality.Notifications.Consumers;
using Quality.Notifications.Features.Alerts;
using Quality.Notifications.Infrastructure;
using Quality.ServiceDefaults;
using Quality.ServiceDefaults.Errors;

namespace Quality.Notifications.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<NotificationsDbContext>(ResourceNames.NotificationsDb);
        builder.AddMessaging<NotificationsDbContext>(ResourceNames.RabbitMQ, bus =>
            bus.AddConsumer<CaseOpenedAlertConsumer>(typeof(CaseOpenedAlertConsumerDefinition)));
        builder.AddPostgresHealthCheck(ResourceNames.NotificationsDb);

        builder.Services.AddScoped<AlertRecorder>();
        builder.Services.AddGrpc(o => o.Interceptors.Add<GrpcExceptionInterceptor>()).AddJsonTranscoding();
    }
}
