using System.Globalization;
using Quality.Routing.Benchmark.Broker;

namespace Quality.Routing.Benchmark.Routing;

/// <summary>
/// The online agents the assignment stages need: a team and agents of this run (so no earlier run's load counts
/// against their capacity) handling every category and both languages, with capacity for every case the stages
/// open. Routing caps an agent at 1,000 cases, so a large run gets more agents. They go offline at the end.
/// </summary>
public sealed class BenchAgents(RoutingApi routing, string runId)
{
    public const int MaxCapacity = 1000;
    public const string TeamId = "routing-bench";

    private readonly List<string> _ids = [];

    public int Count => _ids.Count;

    public int Capacity { get; private set; }

    /// <summary>At least <paramref name="fewest"/> agents, and enough that their capacity holds <paramref name="cases"/> with 10 % to spare.</summary>
    public static (int Agents, int Capacity) Plan(int fewest, long cases)
    {
        var needed = cases + (cases + 9) / 10;
        var agents = (int)Math.Max(fewest, (needed + MaxCapacity - 1) / MaxCapacity);
        var capacity = (int)Math.Clamp((needed + agents - 1) / agents, 1, MaxCapacity);
        return (agents, capacity);
    }

    public async Task CreateAsync(int fewest, long cases, CancellationToken ct)
    {
        (var agents, Capacity) = Plan(fewest, cases);
        await routing.PutAsync($"api/teams/{TeamId}", new { name = "Routing benchmark" }, ct).ConfigureAwait(false);
        for (var i = 0; i < agents; i++)
        {
            var id = $"rb-{runId}-{(i + 1).ToString("000", CultureInfo.InvariantCulture)}";
            await routing.PutAsync($"api/agents/{id}", new
            {
                teamId = TeamId,
                displayName = $"Routing bench {i + 1}",
                categories = ComplaintFactory.Categories,
                languages = ComplaintFactory.Languages,
                capacity = Capacity,
            }, ct).ConfigureAwait(false);
            await routing.PutAsync($"api/agents/{id}/presence", new { presence = "online" }, ct).ConfigureAwait(false);
            _ids.Add(id);
        }
    }

    /// <summary>Sets every agent of the run offline; failures are returned, not thrown, so the results are still written.</summary>
    public async Task<string?> GoOfflineAsync()
    {
        string? error = null;
        foreach (var id in _ids)
        {
            // Per agent, not for all: on a busy machine one slow answer must not leave the rest online.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await routing.PutAsync($"api/agents/{id}/presence", new { presence = "offline" }, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RunException or HttpRequestException or OperationCanceledException)
            {
                error = $"could not set {id} offline: {e.Message}";
            }
        }

        return error;
    }
}
