namespace Quality.Hosting;

/// <summary>How to launch one process.</summary>
internal sealed record ProcessSpec
{
    public required string FileName { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];

    public required string WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>A system user to run as when we are root (PostgreSQL refuses root).</summary>
    public string? RunAs { get; init; }

    /// <summary>The polite stop signal: PostgreSQL's fast shutdown is SIGINT, most others take SIGTERM.</summary>
    public int StopSignal { get; init; } = Native.SigTerm;
}
