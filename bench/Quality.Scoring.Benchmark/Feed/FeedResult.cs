namespace Quality.Scoring.Benchmark.Feed;

/// <summary>The live feed's figures on one replica.</summary>
public sealed record FeedResult
{
    public required int Subscribers { get; init; }
    public required int Connected { get; init; }
    public required IReadOnlyList<string> ConnectErrors { get; init; }
    public required LatencySummary Connect { get; init; }
    public required int Rounds { get; init; }

    /// <summary>Subscriber-rounds that should have seen a change.</summary>
    public required int Expected { get; init; }

    /// <summary>Publish of the change → the subscriber's message showing it, per subscriber and change.</summary>
    public required LatencySummary ChangeLatency { get; init; }
    public required int Missed { get; init; }
    public required int StillConnected { get; init; }
    public required double? ScoringMbBefore { get; init; }
    public required double? ScoringMbSubscribed { get; init; }
    public required double? ScoringMbAfter { get; init; }
    public required int? ScoringPid { get; init; }
    public required string LoadAfter { get; init; }
}
