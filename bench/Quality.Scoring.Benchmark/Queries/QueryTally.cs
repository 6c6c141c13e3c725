namespace Quality.Scoring.Benchmark.Queries;

/// <summary>Collects one group's latencies and answer sources from many clients.</summary>
public sealed class QueryTally
{
    private readonly LatencyRecorder _latency = new();
    private int _redis;
    private int _postgres;
    private int _degraded;
    private int _errors;
    private string? _lastError;

    public void Answered(double milliseconds, string source, bool degraded)
    {
        _latency.Add(milliseconds);
        Interlocked.Increment(ref source == "redis" ? ref _redis : ref _postgres);
        if (degraded)
        {
            Interlocked.Increment(ref _degraded);
        }
    }

    public void Failed(string error)
    {
        Interlocked.Increment(ref _errors);
        _lastError = error;
    }

    public int Count => _latency.Count + _errors;

    public QueryRow Row(string group) => new(group, _latency.Summarize(), _redis, _postgres, _degraded, _errors, _lastError);
}
