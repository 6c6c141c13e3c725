namespace Quality.Routing.Benchmark.Options;

/// <summary>Everything one run needs, resolved from the command line and <c>quality.env</c>.</summary>
public sealed record BenchmarkOptions
{
    public required Uri RoutingUrl { get; init; }
    public required string Token { get; init; }
    public required string RabbitMqUri { get; init; }
    public required string CorpusPath { get; init; }

    /// <summary>Complaints published as fast as possible for the throughput stage; 0 skips it.</summary>
    public int Count { get; init; } = 10_000;

    /// <summary>Complaints opened and assigned, unmeasured, before the throughput and latency stages; 0 for none.</summary>
    public int WarmUp { get; init; } = 3_000;

    /// <summary>Complaints per second in the latency stage.</summary>
    public double Rate { get; init; } = 500;

    /// <summary>Length of the latency stage; zero skips it.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Fewest agents created; more are created when their capacity (at most 1,000 each) would not hold every case.</summary>
    public int Agents { get; init; } = 20;

    /// <summary>Cases whose first-response timers fall due together in the SLA stage; 0 skips it.</summary>
    public int Timers { get; init; } = 100_000;

    /// <summary>Cases opened with timers not due during the steady sweep; 0 skips that stage.</summary>
    public int SteadyOpen { get; init; }

    /// <summary>Cases per second, each due <see cref="SlaGoal"/> after opening, during the steady sweep.</summary>
    public double SteadyRate { get; init; } = 20;

    public TimeSpan SteadyDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The first-response goal, in business time counted from the window's opening.</summary>
    public TimeSpan SlaGoal { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How far ahead the window opens; null: worked out from how fast cases open.</summary>
    public TimeSpan? SlaLead { get; init; }

    /// <summary>How long to wait for assignments or breaches still missing after the last was expected.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(60);

    public required string OutputDirectory { get; init; }
    public string Label { get; init; } = "routing";

    /// <summary>The command line as given (secrets left out), recorded with the results.</summary>
    public required string CommandLine { get; init; }
}
