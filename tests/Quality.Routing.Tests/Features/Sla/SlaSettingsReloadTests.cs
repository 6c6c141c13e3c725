using Quality.Routing.Tests.Infrastructure;

namespace Quality.Routing.Tests.Features.Sla;

/// <summary>
/// Opening a case reloads the cached SLA settings when they changed, while its transaction holds a connection. Those
/// reloads must not need a second connection from the same pool: with every connection held by an opener waiting for
/// a second one, nothing would move until the pool's timeout.
/// </summary>
public sealed class SlaSettingsReloadTests(RoutingServers servers)
{
    [Fact]
    public async Task A_policy_change_met_by_openers_holding_every_connection_of_the_pool_holds_none_of_them_up()
    {
        // A replica whose pool has a single connection and gives up waiting for it after 5 s: an opener that holds it
        // and asked the same pool for another would wait for itself.
        await using var replica = new RoutingHost($"{servers.Database};Maximum Pool Size=1;Timeout=5", servers.Broker, RoutingServers.SigningKey);
        var scenario = await Scenario.WithAgentAsync(replica, capacity: 20);
        // A policy saved through the other replica moves the settings version past what this one has cached.
        await new Scenario(servers.Routing).CreatePolicyAsync(new[] { new { priority = 3, firstResponse = "3600s" } });

        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => scenario.OpenCaseAsync(on: replica)));

        Assert.Equal(4, opened.Select(c => c.Id).Distinct().Count());
    }
}
