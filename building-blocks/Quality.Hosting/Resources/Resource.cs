namespace Quality.Hosting;

/// <summary>Something the AppHost starts, watches and stops: a server, a database, a project, a process.</summary>
public abstract class Resource
{
    private protected Resource(string name, string type)
    {
        Name = name;
        Type = type;
        Runtime = new ResourceRuntime(this);
    }

    public string Name { get; }

    /// <summary>A short kind name for the table: postgres, database, redis, rabbitmq, project, executable.</summary>
    public string Type { get; }

    /// <summary>Resources that must be healthy before this one starts.</summary>
    internal List<Resource> WaitsFor { get; } = [];

    /// <summary>What must be healthy before this one starts: what it waits for and what it is part of.</summary>
    internal virtual IEnumerable<Resource> StartsAfter => WaitsFor;

    /// <summary>Everything this one uses, for the stop order: dependents stop first.</summary>
    internal virtual IEnumerable<Resource> DependsOn => StartsAfter;

    internal ResourceRuntime Runtime { get; }

    /// <summary>The address shown in the table, once known.</summary>
    internal virtual string? Url => null;

    /// <summary>An endpoint by name (http, grpc), or null.</summary>
    internal virtual Uri? Endpoint(string name) => null;

    /// <summary>
    /// Checks binaries and picks ports before anything is launched, so a missing binary or busy
    /// port fails fast and every address is known before dependents need it.
    /// </summary>
    internal virtual void Resolve(RunContext context)
    {
    }

    /// <summary>Prepares and launches the resource; health is then reported through <see cref="Runtime"/>.</summary>
    internal abstract Task StartAsync(RunContext context, CancellationToken ct);

    internal virtual Task StopAsync(RunContext context) => Task.CompletedTask;

    /// <summary>Kills at once without waiting; used when the AppHost process itself is exiting.</summary>
    internal virtual void Kill()
    {
    }
}
