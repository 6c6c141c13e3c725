namespace Quality.Scoring.Benchmark.Transport;

/// <summary>The transport stage's figures. Seconds are from the first publish; NaN when the point was not reached.</summary>
public sealed record TransportResult
{
    public required int Events { get; init; }
    public required double PublishSeconds { get; init; }
    public double PublishedPerSecond => Events / PublishSeconds;

    /// <summary>When the counting consumers had taken every event.</summary>
    public required double ConsumedSeconds { get; init; }
    public double ConsumedPerSecond => Events / ConsumedSeconds;
    public required bool Complete { get; init; }
    public required string LoadAfter { get; init; }
}
