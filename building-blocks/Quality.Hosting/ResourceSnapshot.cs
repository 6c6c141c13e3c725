namespace Quality.Hosting;

/// <summary>What a resource looks like at one moment: one row of the resource table.</summary>
public sealed record ResourceSnapshot(
    string Name,
    string Type,
    ResourceState State,
    HealthStatus Health,
    string? Url,
    int? Pid,
    int RestartCount,
    int? ExitCode,
    string? Error,
    string? LogFile);
