using Quality.LoadGenerator.Traffic;

namespace Quality.LoadGenerator.Options;

/// <summary>Everything one run needs, resolved from the command line and <c>quality.env</c>.</summary>
public sealed record LoadOptions
{
    public required Uri IntakeUrl { get; init; }
    public required Uri RoutingUrl { get; init; }
    public required Uri ScoringUrl { get; init; }
    public required string Token { get; init; }

    /// <summary>Notifications: the demo's alert rule, and the benchmark's breach → webhook rule.</summary>
    public Uri? NotificationsUrl { get; init; }

    /// <summary>
    /// Demo mode (<c>--demo</c>, started by <c>scripts/run.sh --demo</c>): no baselines, no measurements, no results; the first
    /// rate runs until stopped, with agents taking <see cref="AgentWorkTime"/> over each case.
    /// </summary>
    public bool Demo { get; init; }

    /// <summary>How long an agent takes over a case on average; zero works each case at once (benchmarks).</summary>
    public TimeSpan AgentWorkTime { get; init; }

    /// <summary>AMQP URI of the system's broker: the CaseAssigned subscription and the broker baseline.</summary>
    public string? RabbitMqUri { get; init; }

    /// <summary>Npgsql connection string of the system's PostgreSQL server, for the commit baseline.</summary>
    public string? PostgresConnection { get; init; }

    /// <summary>The AppHost's data directory (holds <c>children.pids</c>), for CPU and memory per process.</summary>
    public string? DataDirectory { get; init; }

    public required string CorpusPath { get; init; }

    /// <summary>One stage per rate, in items/s; null means as fast as possible.</summary>
    public required IReadOnlyList<double?> Rates { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(10);
    public required ChannelMix Mix { get; init; }
    public int BatchSize { get; init; } = 20;
    public int Agents { get; init; } = 10;
    public int AgentCapacity { get; init; } = 200;
    public double SurveyShare { get; init; } = 0.5;

    /// <summary>Share of single API items sent with the run's breach tier, whose first response is due after <see cref="BreachAfter"/>; 0 measures no breaches.</summary>
    public double BreachShare { get; init; } = 0.02;

    public TimeSpan BreachAfter { get; init; } = TimeSpan.FromSeconds(2);
    public int Concurrency { get; init; } = 64;
    public TimeSpan BaselineDuration { get; init; } = TimeSpan.FromSeconds(5);
    public required string OutputDirectory { get; init; }
    public string Label { get; init; } = "run";
    public bool Live { get; init; } = true;
    public int Seed { get; init; } = 7;

    /// <summary>The command line as given, recorded with the results.</summary>
    public required string CommandLine { get; init; }
}
