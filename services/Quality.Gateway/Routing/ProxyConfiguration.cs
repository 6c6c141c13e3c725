using Quality.Gateway.Limits;
using Quality.Gateway.Protection;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace Quality.Gateway.Routing;

/// <summary>The YARP routes and clusters built from <see cref="ServiceRoutes"/>.</summary>
internal static class ProxyConfiguration
{
    public static IReadOnlyList<RouteConfig> Routes() =>
        ServiceRoutes.All.Select(route =>
        {
            var config = new RouteConfig
            {
                RouteId = route.Id,
                ClusterId = route.Service,
                Match = new RouteMatch { Path = route.Path },
                AuthorizationPolicy = route.Access == RouteAccess.Credentials ? EdgeAuthorization.CredentialsPolicy : "anonymous",
                // The dashboard streams over one long-lived WebSocket and loads its assets: API calls are what is limited.
                RateLimiterPolicy = route.Access == RouteAccess.Dashboard ? null : CallerRateLimit.Policy,
            };
            // The web app sees the address people typed, so its redirects and sign-in callbacks lead back through the gateway.
            return route.Access == RouteAccess.Dashboard ? config.WithTransformUseOriginalHostHeader() : config;
        }).ToList();

    public static IReadOnlyList<ClusterConfig> Clusters() =>
        ServiceRoutes.Services.Select(service => new ClusterConfig
        {
            ClusterId = service,
            // A service name, expanded by ServiceDiscoveryDestinationResolver.
            Destinations = new Dictionary<string, DestinationConfig> { [service] = new() { Address = $"http://{service}" } },
        }).ToList();
}
