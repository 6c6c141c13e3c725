using System.Net.Http.Headers;
using System.Security.Cryptography;
using Npgsql;
using Quality.Contracts;
using Quality.Hosting;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Intake.ImportBenchmark;

/// <summary>
/// PostgreSQL, RabbitMQ and Intake (its Release build, as its own process) started by our orchestrator in a
/// fresh data directory that is deleted afterwards. The servers keep their normal durability (fsync on), as
/// under scripts/run.sh.
/// </summary>
internal sealed class IntakeSystem : IAsyncDisposable
{
    private readonly DistributedApplication _app;
    private readonly string _dataDirectory;
    private readonly string _signingKey;

    private IntakeSystem(DistributedApplication app, string dataDirectory, string signingKey)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        _signingKey = signingKey;
    }

    public Uri IntakeUrl => _app.GetEndpoint(ResourceNames.Intake, ResourceNames.HttpEndpoint);

    public string DatabaseConnectionString => _app.GetConnectionString(ResourceNames.IntakeDb);

    public static async Task<IntakeSystem> StartAsync(BenchmarkOptions options)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"intake-bench-{Guid.NewGuid():N}");
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            DataDirectory = dataDirectory,
            Configuration = "Release",
            EnvironmentName = "Production",
        });
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var postgres = builder.AddPostgres(ResourceNames.Postgres);
        var intakeDb = postgres.AddDatabase(ResourceNames.IntakeDb);
        var rabbit = builder.AddRabbitMQ(ResourceNames.RabbitMQ);
        var intake = builder.AddProject(ResourceNames.Intake, "services/Quality.Intake/Quality.Intake.csproj")
            .WithReference(intakeDb).WithReference(rabbit).WaitFor(intakeDb).WaitFor(rabbit)
            .WithEnvironment("Auth__SigningKey", signingKey)
            .WithEnvironment("Intake__Pii__ActiveKeyId", "k1")
            .WithEnvironment("Intake__Pii__Keys__k1", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
            .WithEnvironment("Intake__Pii__LookupKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
            .WithEnvironment("Logging__LogLevel__Default", "Warning");
        if (options.BatchSize is { } batchSize)
        {
            intake.WithEnvironment("Intake__Import__BatchSize", $"{batchSize}");
        }

        var app = builder.Build();
        await app.StartAsync();
        return new IntakeSystem(app, dataDirectory, signingKey);
    }

    public HttpClient Client(int connections = 64)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, Expect100ContinueTimeout = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = IntakeUrl,
            Timeout = TimeSpan.FromMinutes(10),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TokenFactory.Create(new AuthOptions { SigningKey = _signingKey }, "bench", Roles.Admin));
        return client;
    }

    /// <summary>Events committed but not yet published to RabbitMQ.</summary>
    private async Task<long> UnpublishedEventsAsync()
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE published_at IS NULL", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task WaitUntilEventsPublishedAsync()
    {
        while (await UnpublishedEventsAsync() > 0)
        {
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
