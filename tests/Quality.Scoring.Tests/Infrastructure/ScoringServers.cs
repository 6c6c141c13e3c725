using System.Security.Cryptography;
using Quality.Contracts;
using Quality.Hosting;

[assembly: AssemblyFixture(typeof(Quality.Scoring.Tests.Infrastructure.ScoringServers))]

namespace Quality.Scoring.Tests.Infrastructure;

/// <summary>Real PostgreSQL, Redis and RabbitMQ started once for the assembly, and one Scoring replica on them.</summary>
public sealed class ScoringServers : IAsyncLifetime
{
    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private DistributedApplication? _app;
    private ScoringHost? _scoring;

    public ScoringHost Scoring => _scoring ?? throw new InvalidOperationException("Not started.");

    /// <summary>The Redis the service uses, for tests that flush it.</summary>
    public string Redis => _app?.GetConnectionString(ResourceNames.Redis) ?? throw new InvalidOperationException("Not started.");

    /// <summary>The broker's AMQP URI, for tests that look into queues.</summary>
    public string RabbitMQ => _app?.GetConnectionString(ResourceNames.RabbitMQ) ?? throw new InvalidOperationException("Not started.");

    /// <summary>Another replica on the same database and broker, with its own settings (another Redis, say). The caller disposes it.</summary>
    public ScoringHost AnotherReplica(IReadOnlyDictionary<string, string>? settings = null, string? redis = null) => new(
        _app!.GetConnectionString(ResourceNames.ScoringDb), redis ?? Redis, _app.GetConnectionString(ResourceNames.RabbitMQ), SigningKey, settings);

    public async ValueTask InitializeAsync()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { UseTemporaryDataDirectory = true });
        builder.AddPostgres(ResourceNames.Postgres).AddDatabase(ResourceNames.ScoringDb);
        builder.AddRedis(ResourceNames.Redis);
        builder.AddRabbitMQ(ResourceNames.RabbitMQ);
        _app = builder.Build();
        await _app.StartAsync(TestContext.Current.CancellationToken);

        _scoring = new ScoringHost(
            _app.GetConnectionString(ResourceNames.ScoringDb), _app.GetConnectionString(ResourceNames.Redis),
            _app.GetConnectionString(ResourceNames.RabbitMQ), SigningKey);
        _ = _scoring.Server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_scoring is not null)
        {
            await _scoring.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
