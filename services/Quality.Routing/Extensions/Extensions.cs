using Quality.Contracts;
using Quality.Messaging;
using Quality.Routing.Consumers;
using Quality.Routing.Features.Cases;
using Quality.Routing.Infrastructure;
using Quality.ServiceDefaults;
using Quality.ServiceDefaults.Errors;

namespace Quality.Routing.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<RoutingDbContext>(ResourceNames.RoutingDb);
        builder.AddMessaging<RoutingDbContext>(ResourceNames.RabbitMQ, bus =>
            bus.AddConsumer<ComplaintRaisedConsumer>(typeof(ComplaintRaisedConsumerDefinition)));
        builder.AddPostgresHealthCheck(ResourceNames.RoutingDb);

        builder.Services.AddScoped<CaseOpener>();
        builder.Services.AddGrpc(o => o.Interceptors.Add<GrpcExceptionInterceptor>()).AddJsonTranscoding();
    }
}
