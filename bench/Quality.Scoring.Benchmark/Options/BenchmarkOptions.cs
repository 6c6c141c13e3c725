namespace Quality.Scoring.Benchmark.Options;

/// <summary>Everything one run needs, resolved from the command line and <c>quality.env</c>.</summary>
public sealed record BenchmarkOptions
{
    /// <summary>Scoring's HTTP/1.1 endpoint (REST and JSON transcoding).</summary>
    public required Uri ScoringUrl { get; init; }

    /// <summary>Scoring's cleartext HTTP/2 endpoint (gRPC).</summary>
    public required Uri ScoringGrpcUrl { get; init; }

    public required string Token { get; init; }

    /// <summary>AMQP URI of the system's broker: events are published there, queue depths read there.</summary>
    public required Uri RabbitMqUri { get; init; }

    /// <summary>The AppHost's data directory (holds <c>apphost.pid</c>), to find the Scoring process.</summary>
    public string? DataDirectory { get; init; }

    public required IReadOnlySet<Stage> Stages { get; init; }

    /// <summary>Events per fold stage.</summary>
    public int Events { get; init; } = 50_000;

    /// <summary>Events folded, unmeasured, before the fold stages; 0 for none.</summary>
    public int WarmUpEvents { get; init; } = 20_000;

    /// <summary>One fold stage per rate, in events/s; null means as fast as possible.</summary>
    public required IReadOnlyList<double?> Rates { get; init; }

    public int Teams { get; init; } = 5;
    public int AgentsPerTeam { get; init; } = 10;
    public int Publishers { get; init; } = 2;
    public TimeSpan FoldTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public int Clients { get; init; } = 32;
    public TimeSpan QueryDuration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The periods each query client asks for in turn: last_hour (Redis), day (PostgreSQL).</summary>
    public IReadOnlyList<string> QueryPeriods { get; init; } = ["last_hour", "day"];

    public int Subscribers { get; init; } = 1000;
    public int FeedRounds { get; init; } = 20;
    public TimeSpan FeedInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public required string OutputDirectory { get; init; }
    public string Label { get; init; } = "scoring";
    public int Seed { get; init; } = 7;

    /// <summary>The command line as given (secrets left out), recorded with the results.</summary>
    public required string CommandLine { get; init; }
}
