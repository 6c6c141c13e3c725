using Quality.Contracts;
using Quality.Hosting;

[assembly: AssemblyFixture(typeof(Quality.Messaging.Tests.MessagingServers))]

namespace Quality.Messaging.Tests;

/// <summary>Real PostgreSQL and RabbitMQ, started once for the test assembly by our own orchestrator.</summary>
public sealed class MessagingServers : IAsyncLifetime
{
    public const string Database = "messagingtests";

    private DistributedApplication? _app;

    public string PostgresConnectionString => _app!.GetConnectionString(Database);

    public string RabbitMQConnectionString => _app!.GetConnectionString(ResourceNames.RabbitMQ);

    public async ValueTask InitializeAsync()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { UseTemporaryDataDirectory = true });
        builder.AddPostgres(ResourceNames.Postgres).AddDatabase(Database);
        builder.AddRabbitMQ(ResourceNames.RabbitMQ);
        _app = builder.Build();
        await _app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
