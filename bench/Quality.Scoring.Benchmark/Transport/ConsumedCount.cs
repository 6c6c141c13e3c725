namespace Quality.Scoring.Benchmark.Transport;

/// <summary>How many messages the counting consumers have taken, and when the expected number is reached.</summary>
public sealed class ConsumedCount
{
    private long _count;
    private long _expected = long.MaxValue;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts counting afresh towards <paramref name="expected"/> messages.</summary>
    public Task Expect(long expected)
    {
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _count, 0);
        Volatile.Write(ref _expected, expected);
        return _reached.Task;
    }

    public void Add()
    {
        if (Interlocked.Increment(ref _count) == Volatile.Read(ref _expected))
        {
            _reached.TrySetResult();
        }
    }
}
