using Quality.Contracts;

[assembly: AssemblyFixture(typeof(Quality.Gateway.Tests.StandIns))]

namespace Quality.Gateway.Tests;

/// <summary>One stand-in per service the gateway routes to, shared by every test in the assembly.</summary>
public sealed class StandIns : IAsyncLifetime
{
    public static readonly string[] Names = [ResourceNames.Intake, ResourceNames.Routing, ResourceNames.Scoring, ResourceNames.Notifications, ResourceNames.Web];

    private readonly Dictionary<string, StandIn> _services = [];

    public StandIn this[string name] => _services[name];

    public async ValueTask InitializeAsync()
    {
        foreach (var name in Names)
        {
            _services[name] = await StandIn.StartAsync(name);
        }
    }

    /// <summary>Service discovery settings as the AppHost passes them (<c>services:intake:http:0</c>).</summary>
    public Dictionary<string, string?> DiscoverySettings() =>
        _services.ToDictionary(s => $"services:{s.Key}:http:0", s => (string?)s.Value.Address.ToString().TrimEnd('/'));

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services.Values)
        {
            await service.DisposeAsync();
        }
    }
}
