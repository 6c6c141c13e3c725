namespace Quality.Hosting;

/// <summary>What resources need while they run: options, the data directory, logs, the stop signal.</summary>
internal sealed class RunContext(
    DistributedApplicationOptions options,
    DataDirectory data,
    LogHub logs,
    ChildRegistry children,
    string repositoryRoot,
    string configuration,
    CancellationToken stopping)
{
    public DistributedApplicationOptions Options { get; } = options;

    public DataDirectory Data { get; } = data;

    public LogHub Logs { get; } = logs;

    public ChildRegistry Children { get; } = children;

    public string RepositoryRoot { get; } = repositoryRoot;

    public string Configuration { get; } = configuration;

    /// <summary>Cancelled when the app stops.</summary>
    public CancellationToken Stopping { get; } = stopping;

    /// <summary>A line from the AppHost itself about a resource, kept in that resource's log.</summary>
    public void Note(string resource, string message) => Logs.Write(resource, $"[apphost] {message}");
}
