using Quality.BadInput.Targets;

namespace Quality.BadInput;

/// <summary>What the suite attacks and how.</summary>
public sealed record BadInputOptions
{
    public required IReadOnlyList<ServiceTarget> Services { get; init; }

    /// <summary>An admin's token: it issues the suite's API keys and is the credential that passes for people's endpoints.</summary>
    public required string AdminToken { get; init; }

    /// <summary>The database server's connection string (any database; the services' own are found by name).</summary>
    public required string PostgresConnection { get; init; }

    /// <summary>The AppHost's pid, to see whether a service crashed; null skips that check.</summary>
    public int? AppHostPid { get; init; }

    public int Seed { get; init; } = 7;

    public int Concurrency { get; init; } = 8;

    /// <summary>Where to write the results (JSON and Markdown); null writes none.</summary>
    public string? OutputDirectory { get; init; }
}
