using Quality.Gateway.Limits;
using Quality.Gateway.Protection;
using Quality.Gateway.Routing;
using Quality.ServiceDefaults.Options;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Quality.Gateway.Extensions;

internal static class Extensions
{
    public static void AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.SectionName);
        builder.Services.AddValidatedOptions<BodyLimitOptions>(BodyLimitOptions.SectionName)
            .Validate(o => o.Routes.Values.All(bytes => bytes >= 1024), $"{BodyLimitOptions.SectionName}:Routes: every limit must be at least 1024 bytes")
            .Validate(o => o.Routes.Keys.All(id => ServiceRoutes.All.Any(r => r.Id == id)),
                $"{BodyLimitOptions.SectionName}:Routes: a key is not a route id (known: {string.Join(", ", ServiceRoutes.All.Select(r => r.Id))})");

        builder.Services.AddEdgeAuthorization();
        builder.Services.AddCallerRateLimit();
        builder.Services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();
        builder.Services.AddReverseProxy().LoadFromMemory(ProxyConfiguration.Routes(), ProxyConfiguration.Clusters());
    }

    public static void MapGateway(this WebApplication app)
    {
        app.UseMiddleware<GrpcRefusalMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<BodyLimitMiddleware>();

        // Under /api only the services' resources are routed; anything else there is not the dashboard's either.
        app.Map("/api/{**rest}", (HttpContext context) => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Not found.",
                detail: $"No Quality service answers {context.Request.Path}."))
            .AllowAnonymous();

        app.MapReverseProxy(proxy =>
        {
            proxy.Use(ProxyErrors.HandleAsync);
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
    }
}
