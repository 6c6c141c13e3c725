using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Quality.Gateway.Routing;

/// <summary>
/// Expands a destination addressed by service name (<c>http://intake</c>) into one destination per endpoint that
/// service discovery finds (<c>services:intake:http:0</c>, <c>…:1</c>: replicas), the way the services find each
/// other; YARP resolves again when the configuration changes. (Microsoft.Extensions.ServiceDiscovery.Yarp does the
/// same but is not on our package feed.)
/// </summary>
internal sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>();
        var changeTokens = new List<IChangeToken>();
        foreach (var (id, destination) in destinations)
        {
            var address = new Uri(destination.Address);
            var source = await resolver.GetEndpointsAsync(address.GetLeftPart(UriPartial.Authority), cancellationToken);
            changeTokens.Add(source.ChangeToken);
            foreach (var endpoint in source.Endpoints)
            {
                var text = endpoint.ToString()!;
                var found = new Uri(text.Contains("://", StringComparison.Ordinal) ? text : $"{address.Scheme}://{text}");
                var target = new UriBuilder(address) { Scheme = found.Scheme, Host = found.Host, Port = found.Port };
                resolved[$"{id}[{text}]"] = destination with { Address = target.Uri.ToString() };
            }
        }

        return new ResolvedDestinationCollection(resolved, new CompositeChangeToken(changeTokens));
    }
}
