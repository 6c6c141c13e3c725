namespace Quality.Hosting;

/// <summary>One database on a PostgreSQL server, created when missing once the server is healthy.</summary>
public sealed class PostgresDatabaseResource : Resource, IResourceWithConnectionString
{
    internal PostgresDatabaseResource(string name, PostgresServerResource server)
        : base(name, "database")
    {
        Server = server;
    }

    public PostgresServerResource Server { get; }

    public string ConnectionString => Server.ConnectionStringFor(Name);

    internal override IEnumerable<Resource> StartsAfter => WaitsFor.Append(Server).Distinct();

    internal override string? Url => Server.Port > 0 ? $"postgres://127.0.0.1:{Server.Port}/{Name}" : null;

    internal override async Task StartAsync(RunContext context, CancellationToken ct)
    {
        Runtime.Set(ResourceState.Starting);
        try
        {
            await Server.EnsureDatabaseAsync(Name, ct);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or IOException)
        {
            Runtime.Fail($"{Name}: could not create the database on {Server.Name}: {e.Message}");
            return;
        }
        Runtime.Set(ResourceState.Healthy, HealthStatus.Healthy);
    }

    internal override Task StopAsync(RunContext context)
    {
        Runtime.Stopped();
        return Task.CompletedTask;
    }
}
