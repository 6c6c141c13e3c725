namespace Quality.FaultDrills;

/// <summary>What to kill and how long to post around it.</summary>
public sealed record DrillOptions
{
    /// <summary>The part killed: routing, intake, scoring, notifications, rabbitmq, postgres or redis.</summary>
    public required string Part { get; init; }

    public double ItemsPerSecond { get; init; } = 30;

    /// <summary>Posting before the kill, to see the normal rate.</summary>
    public TimeSpan Before { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Posting after the part is back.</summary>
    public TimeSpan After { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long the part may take to come back before the drill fails.</summary>
    public TimeSpan ComeBackTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>After posting stops, how long retries of failed items may go on.</summary>
    public TimeSpan RetryTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the reconciliation waits for the pipeline when nothing more arrives.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(90);
}
