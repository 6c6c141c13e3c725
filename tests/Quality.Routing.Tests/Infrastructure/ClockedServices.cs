using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quality.Routing.Features.Assignment;
using Quality.Routing.Features.Cases;
using Quality.Routing.Features.Sla;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Tests.Infrastructure;

/// <summary>
/// Routing's case and SLA services as a request scope builds them, but reading the time from a
/// <see cref="FakeTimeProvider"/>. Tests that use it set the clock years ahead, so the replicas' own
/// sweepers, running on real time, never find these cases' timers due.
/// </summary>
public sealed class ClockedServices : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    public ClockedServices(RoutingHost host, FakeTimeProvider time)
    {
        _scope = host.Services.CreateAsyncScope();
        var services = _scope.ServiceProvider;
        Db = services.GetRequiredService<RoutingDbContext>();
        Clocks = ActivatorUtilities.CreateInstance<SlaClocks>(services, time);
        var recorder = ActivatorUtilities.CreateInstance<CaseRecorder>(services, time);
        var assigner = ActivatorUtilities.CreateInstance<CaseAssigner>(services, recorder, time);
        Opener = ActivatorUtilities.CreateInstance<CaseOpener>(services, assigner, recorder, Clocks, time);
        Lifecycle = ActivatorUtilities.CreateInstance<CaseLifecycle>(services, assigner, recorder, Clocks, time);
        Sla = ActivatorUtilities.CreateInstance<SlaQueries>(services, Clocks, time);
    }

    public RoutingDbContext Db { get; }
    public SlaClocks Clocks { get; }
    public CaseOpener Opener { get; }
    public CaseLifecycle Lifecycle { get; }
    public SlaQueries Sla { get; }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
