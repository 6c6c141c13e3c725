namespace Quality.Notifications.Benchmark.Options;

/// <summary>Everything one run needs, resolved from the command line and <c>quality.env</c>.</summary>
public sealed record BenchOptions
{
    public required Uri NotificationsUrl { get; init; }
    public required string Token { get; init; }

    /// <summary>AMQP URI of the system's broker: the triggering events are published there.</summary>
    public required string RabbitMqUri { get; init; }

    /// <summary>Npgsql connection string of the system's PostgreSQL server: delivery outcomes are counted read-only in its notificationsdb.</summary>
    public string? PostgresConnection { get; init; }

    /// <summary>Healthy receivers: each triggering event fans out to every one of them.</summary>
    public int HealthyReceivers { get; init; } = 4;

    /// <summary>Also add a receiver that answers 500 to the isolation stage.</summary>
    public bool FailingReceiver { get; init; }

    /// <summary>The stages to run, in order.</summary>
    public required IReadOnlyList<StageKind> Stages { get; init; }

    /// <summary>Triggering events per second; null means as fast as the broker confirms them.</summary>
    public double? Rate { get; init; } = 200;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Longest wait after publishing for the healthy receivers to get every delivery.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Publishes awaiting their broker confirm at once.</summary>
    public int MaxInFlight { get; init; } = 256;

    public required string OutputDirectory { get; init; }
    public string Label { get; init; } = "notifications";

    /// <summary>The command line as given (secrets left out), recorded with the results.</summary>
    public required string CommandLine { get; init; }
}
