namespace Quality.LoadGenerator.Agents;

/// <summary>What the simulated agents did (thread-safe counters).</summary>
public sealed class AgentStats
{
    private long _responded;
    private long _resolved;
    private long _surveys;
    private long _errors;

    public long Responded => Interlocked.Read(ref _responded);
    public long Resolved => Interlocked.Read(ref _resolved);
    public long Surveys => Interlocked.Read(ref _surveys);
    public long Errors => Interlocked.Read(ref _errors);

    public string? LastError { get; private set; }

    public void OnResponded() => Interlocked.Increment(ref _responded);
    public void OnResolved() => Interlocked.Increment(ref _resolved);
    public void OnSurvey() => Interlocked.Increment(ref _surveys);

    public void OnError(string message)
    {
        Interlocked.Increment(ref _errors);
        LastError = message;
    }
}
