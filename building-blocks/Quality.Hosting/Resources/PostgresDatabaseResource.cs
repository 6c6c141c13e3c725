namespace Quality.Hosting;

/// <summary>One database on a PostgreSQL server, created when missing once the server is healthy.</summary>
public sealed class PostgresDatabaseResource : Resource, IResourceWithConnectionString
{
    /// <summary>
    /// Connections one process may hold to one database. Four services at this size stay well inside the
    /// server's <see cref="PostgresServerResource.MaxConnections"/>, with room for a second replica each and
    /// for tools; on two cores more connections only queue inside PostgreSQL instead of in the pool.
    /// </summary>
    public const int DefaultMaxPoolSize = 30;

    internal PostgresDatabaseResource(string name, PostgresServerResource server, int maxPoolSize)
        : base(name, "database")
    {
        Server = server;
        MaxPoolSize = maxPoolSize;
    }

    public PostgresServerResource Server { get; }

    public int MaxPoolSize { get; }

    public string ConnectionString => $"{Server.ConnectionStringFor(Name)};Maximum Pool Size={MaxPoolSize}";

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
