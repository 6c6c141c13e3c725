namespace Quality.Scoring.Benchmark.Options;

/// <summary>The parts of a run, in the order they run.</summary>
public enum Stage
{
    Fold,
    Transport,
    Query,
    Feed,
}
