using Quality.Routing.Benchmark.Measurement;

namespace Quality.Routing.Benchmark.Stages;

/// <summary>
/// <c>--steady-open</c> cases holding timers not due during the stage, then cases opened at <c>--steady-rate</c> whose
/// first-response timers fall due one after another, and how late those breaches fired.
/// </summary>
public sealed record SteadySweepResult
{
    public required int OpenBeforehand { get; init; }
    public required long OpenedBeforehand { get; init; }
    public required double Rate { get; init; }
    public required double Seconds { get; init; }
    public required long Opened { get; init; }
    public required double GoalSeconds { get; init; }
    public required long Breaches { get; init; }
    public required long Missing { get; init; }
    public required BreachLateness Lateness { get; init; }
    public required string LoadAverageAfter { get; init; }
}
