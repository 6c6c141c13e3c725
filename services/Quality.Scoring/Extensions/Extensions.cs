using Quality.Contracts;
using Quality.Messaging;
using Quality.Scoring.Consumers;
using Quality.Scoring.Features.LiveKpis;
using Quality.Scoring.Infrastructure;
using Quality.ServiceDefaults;
using Quality.ServiceDefaults.Errors;
using Quality.ServiceDefaults.Options;
using StackExchange.Redis;

namespace Quality.Scoring.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<ScoringDbContext>(ResourceNames.ScoringDb);
        builder.AddMessaging<ScoringDbContext>(ResourceNames.RabbitMQ, bus =>
            bus.AddConsumer<CaseOpenedConsumer>(typeof(CaseOpenedConsumerDefinition)));
        builder.AddPostgresHealthCheck(ResourceNames.ScoringDb);
        builder.AddRedisHealthCheck(ResourceNames.Redis);

        var redis = builder.Configuration.GetRequiredConnectionString(ResourceNames.Redis);
        // abortConnect=false: start and serve from PostgreSQL while Redis is away, reconnect when it returns.
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(redis);
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });
        builder.Services.AddSingleton<LiveCounterStore>();
        builder.Services.AddScoped<CaseFactRecorder>();
        builder.Services.AddGrpc(o => o.Interceptors.Add<GrpcExceptionInterceptor>()).AddJsonTranscoding();
    }
}
