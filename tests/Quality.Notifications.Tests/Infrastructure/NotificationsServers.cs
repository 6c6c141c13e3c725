using System.Security.Cryptography;
using Quality.Contracts;
using Quality.Hosting;
using Quality.Testing;

[assembly: AssemblyFixture(typeof(Quality.Notifications.Tests.Infrastructure.NotificationsServers))]

namespace Quality.Notifications.Tests.Infrastructure;

/// <summary>Real PostgreSQL, RabbitMQ and an SMTP listener started once for the assembly, and the service on them.</summary>
public sealed class NotificationsServers : IAsyncLifetime
{
    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private DistributedApplication? _app;
    private NotificationsHost? _host;
    private NotificationsHost? _replica;
    private readonly Lock _replicaGate = new();
    private FakeGrpcServer? _intakeServer;
    private FakeGrpcServer? _routingServer;

    public NotificationsHost Notifications => _host ?? throw new InvalidOperationException("Not started.");

    public SmtpTestServer Smtp { get; } = new();

    /// <summary>What Intake answers about survey contacts, scripted per feedback id.</summary>
    public FakeIntake Intake { get; } = new();

    /// <summary>What Routing answers about business calendars, scripted per calendar id.</summary>
    public FakeRouting Routing { get; } = new();

    /// <summary>
    /// A second replica of the service on the same database and broker, started by the first test that asks:
    /// it competes for the same queues and timers, as replicas do.
    /// </summary>
    public NotificationsHost SecondReplica
    {
        get
        {
            lock (_replicaGate)
            {
                if (_replica is null)
                {
                    _replica = new NotificationsHost(_app!.GetConnectionString(ResourceNames.NotificationsDb), _app.GetConnectionString(ResourceNames.RabbitMQ), SigningKey, Smtp.Port, _intakeServer!.Url, _routingServer!.Url);
                    _ = _replica.Server;
                }

                return _replica;
            }
        }
    }

    /// <summary>What every running replica logged at warning level and above: a consumed event may land on either.</summary>
    public IEnumerable<(string Category, Microsoft.Extensions.Logging.LogLevel Level, string Message)> Logs
    {
        get
        {
            NotificationsHost? replica;
            lock (_replicaGate)
            {
                replica = _replica;
            }

            return Notifications.Logs.Entries.Concat(replica?.Logs.Entries ?? []);
        }
    }

    public async ValueTask InitializeAsync()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { UseTemporaryDataDirectory = true });
        builder.AddPostgres(ResourceNames.Postgres).AddDatabase(ResourceNames.NotificationsDb);
        builder.AddRabbitMQ(ResourceNames.RabbitMQ);
        _app = builder.Build();
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _intakeServer = await FakeIntakeServer.StartAsync(Intake, SigningKey, TestContext.Current.CancellationToken);
        _routingServer = await FakeRoutingServer.StartAsync(Routing, SigningKey, TestContext.Current.CancellationToken);

        _host = new NotificationsHost(_app.GetConnectionString(ResourceNames.NotificationsDb), _app.GetConnectionString(ResourceNames.RabbitMQ), SigningKey, Smtp.Port, _intakeServer!.Url, _routingServer!.Url);
        _ = _host.Server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_replica is not null)
        {
            await _replica.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        if (_intakeServer is not null)
        {
            await _intakeServer.DisposeAsync();
        }

        if (_routingServer is not null)
        {
            await _routingServer.DisposeAsync();
        }
    }
}
