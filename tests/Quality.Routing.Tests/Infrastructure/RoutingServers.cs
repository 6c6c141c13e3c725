using System.Security.Cryptography;
using Quality.Contracts;
using Quality.Hosting;

[assembly: AssemblyFixture(typeof(Quality.Routing.Tests.Infrastructure.RoutingServers))]

namespace Quality.Routing.Tests.Infrastructure;

/// <summary>
/// Real PostgreSQL and RabbitMQ started once for the assembly by our orchestrator, and two Routing
/// replicas on them (in-memory HTTP servers sharing one database and one broker).
/// </summary>
public sealed class RoutingServers : IAsyncLifetime
{
    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private DistributedApplication? _app;
    private RoutingHost? _replicaA;
    private RoutingHost? _replicaB;

    /// <summary>The replica most tests talk to.</summary>
    public RoutingHost Routing => _replicaA ?? throw new InvalidOperationException("Not started.");

    /// <summary>The broker's connection string, to look into queues.</summary>
    public string Broker => _app?.GetConnectionString(ResourceNames.RabbitMQ) ?? throw new InvalidOperationException("Not started.");

    /// <summary>The database's connection string, for a replica set up differently.</summary>
    public string Database => _app?.GetConnectionString(ResourceNames.RoutingDb) ?? throw new InvalidOperationException("Not started.");

    /// <summary>A second replica, for the races.</summary>
    public RoutingHost SecondReplica => _replicaB ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { UseTemporaryDataDirectory = true });
        builder.AddPostgres(ResourceNames.Postgres).AddDatabase(ResourceNames.RoutingDb);
        builder.AddRabbitMQ(ResourceNames.RabbitMQ);
        _app = builder.Build();
        await _app.StartAsync(TestContext.Current.CancellationToken);

        var database = _app.GetConnectionString(ResourceNames.RoutingDb);
        var broker = _app.GetConnectionString(ResourceNames.RabbitMQ);
        // One after the other: the first applies the migrations.
        _replicaA = new RoutingHost(database, broker, SigningKey);
        _ = _replicaA.Server;
        _replicaB = new RoutingHost(database, broker, SigningKey);
        _ = _replicaB.Server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_replicaB is not null)
        {
            await _replicaB.DisposeAsync();
        }

        if (_replicaA is not null)
        {
            await _replicaA.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
