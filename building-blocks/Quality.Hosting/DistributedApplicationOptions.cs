namespace Quality.Hosting;

/// <summary>
/// How the AppHost runs. Command-line arguments in <see cref="Args"/> override the
/// properties (see <see cref="CommandLine"/> for the accepted options).
/// </summary>
public sealed class DistributedApplicationOptions
{
    /// <summary>The AppHost's command-line arguments.</summary>
    public string[] Args { get; set; } = [];

    /// <summary>Where servers keep their data, logs and secrets. Default: <c>&lt;repo&gt;/.quality</c>.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// Use a new directory under the system temp folder and delete it on stop. Meant for
    /// tests: the servers also trade durability for speed (no fsync) since the data is thrown away.
    /// </summary>
    public bool UseTemporaryDataDirectory { get; set; }

    /// <summary>The repository root used to resolve project paths. Default: found by walking up to Quality.slnx or global.json.</summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>The build configuration whose output projects run from. Default: the AppHost's own.</summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// Start only these resources and what they need (see <see cref="ResourceSelection"/>); null starts everything.
    /// </summary>
    public IReadOnlyCollection<string>? Only { get; set; }

    /// <summary>The ASPNETCORE_ENVIRONMENT given to projects.</summary>
    public string EnvironmentName { get; set; } = "Development";

    /// <summary>Fixed ports; null picks a free one.</summary>
    public int? PostgresPort { get; set; }

    public int? RedisPort { get; set; }

    public int? RabbitMQPort { get; set; }

    /// <summary>The folder holding initdb and postgres. Default: the newest /usr/lib/postgresql/*/bin, then PATH.</summary>
    public string? PostgresBinDirectory { get; set; }

    /// <summary>The redis-server binary. Default: found on PATH.</summary>
    public string? RedisServerPath { get; set; }

    /// <summary>The rabbitmq-server script. Default: /usr/lib/rabbitmq/bin/rabbitmq-server, then PATH.</summary>
    public string? RabbitMQServerPath { get; set; }

    /// <summary>The epmd binary. Default: found on PATH.</summary>
    public string? EpmdPath { get; set; }

    /// <summary>How long a resource may take from launch to its first healthy answer.</summary>
    public TimeSpan HealthTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>How long a process gets to stop after the polite signal before it is killed.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Restart delays double from this one up to <see cref="MaxRestartDelay"/>.</summary>
    public TimeSpan FirstRestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A process that ran this long is considered stable: its next restart delay starts over.</summary>
    public TimeSpan StableAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Write child output and the resource table to the console even outside <c>RunAsync</c>.</summary>
    public bool ConsoleOutput { get; set; }
}
