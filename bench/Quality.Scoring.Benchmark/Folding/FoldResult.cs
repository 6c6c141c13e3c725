namespace Quality.Scoring.Benchmark.Folding;

/// <summary>One fold stage's figures. Seconds are from the first publish; NaN when the point was not reached.</summary>
public sealed record FoldResult
{
    /// <summary>"max" or the target events/s.</summary>
    public required string Rate { get; init; }
    public required int Events { get; init; }
    public required int Cases { get; init; }
    public required IReadOnlyDictionary<string, int> EventsByType { get; init; }
    public required double PublishSeconds { get; init; }
    public double PublishedPerSecond => Events / PublishSeconds;

    /// <summary>When every team's live KPIs accounted for every event.</summary>
    public required double FoldedSeconds { get; init; }
    public double FoldedPerSecond => Events / FoldedSeconds;

    /// <summary>From the last publish confirmed to everything folded: the backlog Scoring had left.</summary>
    public double DrainSeconds => FoldedSeconds - PublishSeconds;

    /// <summary>From the first publish to Scoring's queues holding no ready message once publishing had ended.</summary>
    public required double QueuesEmptySeconds { get; init; }
    public required long PeakQueueDepth { get; init; }
    public required bool Complete { get; init; }

    /// <summary>Teams whose figures never matched, with what was expected and seen (empty when complete).</summary>
    public required IReadOnlyList<string> Mismatches { get; init; }
    public required string LoadAfter { get; init; }
}
