using System.Diagnostics;
using Npgsql;
using Quality.Contracts;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace Quality.Hosting.Tests;

public sealed class ServersTests
{
    [Fact]
    public async Task Postgres_redis_and_rabbitmq_start_answer_and_leave_nothing_behind()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = TestApps.Builder();
        var postgres = builder.AddPostgres(ResourceNames.Postgres);
        postgres.AddDatabase(ResourceNames.IntakeDb);
        postgres.AddDatabase(ResourceNames.ScoringDb);
        builder.AddRedis(ResourceNames.Redis);
        builder.AddRabbitMQ(ResourceNames.RabbitMQ);
        var app = builder.Build();

        await app.StartAsync(ct);
        Assert.All(app.Resources, r => Assert.Equal(ResourceState.Healthy, r.State));

        await using (var db = new NpgsqlConnection(app.GetConnectionString(ResourceNames.IntakeDb)))
        {
            await db.OpenAsync(ct);
            Assert.Equal(ResourceNames.IntakeDb, db.Database);
            await using var create = new NpgsqlCommand("CREATE TABLE probe (id int PRIMARY KEY); INSERT INTO probe VALUES (42);", db);
            await create.ExecuteNonQueryAsync(ct);
            await using var read = new NpgsqlCommand("SELECT id FROM probe", db);
            Assert.Equal(42, await read.ExecuteScalarAsync(ct));

            // Room for every service's pool: the pools together stay below the server's limit.
            await using var limit = new NpgsqlCommand("SHOW max_connections", db);
            Assert.Equal(PostgresServerResource.MaxConnections.ToString(), await limit.ExecuteScalarAsync(ct));
            Assert.Equal(PostgresDatabaseResource.DefaultMaxPoolSize, new NpgsqlConnectionStringBuilder(db.ConnectionString).MaxPoolSize);
        }

        await using (var redis = await ConnectionMultiplexer.ConnectAsync(app.GetConnectionString(ResourceNames.Redis)))
        {
            await redis.GetDatabase().StringSetAsync("greeting", "hello");
            Assert.Equal("hello", (string?)await redis.GetDatabase().StringGetAsync("greeting"));
        }

        var factory = new ConnectionFactory { Uri = new Uri(app.GetConnectionString(ResourceNames.RabbitMQ)) };
        await using (var connection = await factory.CreateConnectionAsync(ct))
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: ct))
        {
            var queue = await channel.QueueDeclareAsync(cancellationToken: ct);
            Assert.StartsWith("amq.gen-", queue.QueueName, StringComparison.Ordinal);
        }

        var pids = app.Resources.Where(r => r.Pid is not null).SelectMany(r => ProcessTree.Family(r.Pid!.Value)).Distinct().ToList();
        Assert.Contains(pids, pid => Command(pid) == "epmd");
        Assert.Contains(pids, pid => Command(pid) == "beam.smp");
        AssertOnlyLoopback(pids);
        var dataDirectory = app.DataDirectory;

        await app.StopAsync();

        Assert.All(app.Resources, r => Assert.Equal(ResourceState.Stopped, r.State));
        Assert.Empty(pids.Where(ProcessTree.IsAlive).Select(pid => $"{pid} {Command(pid)}"));
        Assert.False(Directory.Exists(dataDirectory));
    }

    private static string Command(int pid) =>
        File.Exists($"/proc/{pid}/comm") ? File.ReadAllText($"/proc/{pid}/comm").Trim() : "";

    /// <summary>Nothing we started may listen beyond loopback.</summary>
    private static void AssertOnlyLoopback(IReadOnlyList<int> pids)
    {
        using var ss = Process.Start(new ProcessStartInfo("ss", "-ltnpH") { RedirectStandardOutput = true })!;
        var lines = ss.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        ss.WaitForExit();
        var ours = lines.Where(line => pids.Any(pid => line.Contains($"pid={pid},", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(ours);
        foreach (var line in ours)
        {
            var local = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3];
            Assert.True(local.StartsWith("127.0.0.1:", StringComparison.Ordinal) || local.StartsWith("[::1]:", StringComparison.Ordinal), line);
        }
    }
}
