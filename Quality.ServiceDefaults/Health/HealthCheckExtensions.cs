using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quality.ServiceDefaults.Options;

namespace Quality.ServiceDefaults;

/// <summary>Readiness checks for the dependencies a service declares.</summary>
public static class HealthCheckExtensions
{
    public static IHostApplicationBuilder AddPostgresHealthCheck(this IHostApplicationBuilder builder, string connectionName)
    {
        var connectionString = builder.Configuration.GetRequiredConnectionString(connectionName);
        builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: connectionName, tags: ["ready"]);
        return builder;
    }

    public static IHostApplicationBuilder AddRedisHealthCheck(this IHostApplicationBuilder builder, string connectionName)
    {
        var connectionString = builder.Configuration.GetRequiredConnectionString(connectionName);
        builder.Services.AddHealthChecks().AddRedis(connectionString, name: connectionName, tags: ["ready"]);
        return builder;
    }
}
