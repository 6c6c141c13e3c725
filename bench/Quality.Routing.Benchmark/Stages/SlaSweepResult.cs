using Quality.Routing.Benchmark.Measurement;

namespace Quality.Routing.Benchmark.Stages;

/// <summary>
/// <c>--timers</c> cases whose first-response clocks all fall due at one instant (see <see cref="Routing.SlaWindow"/>),
/// and how late their breaches fired.
/// </summary>
public sealed record SlaSweepResult
{
    public required int Cases { get; init; }
    public required long Published { get; init; }
    public required long Opened { get; init; }
    public required double OpenedPerSecond { get; init; }
    public required long OpenedAfterWindowOpened { get; init; }
    public required DateTimeOffset WindowOpens { get; init; }
    public required double GoalSeconds { get; init; }
    public required long Breaches { get; init; }
    public required long Missing { get; init; }
    public required BreachLateness Lateness { get; init; }
    public required string LoadAverageAfter { get; init; }
}
