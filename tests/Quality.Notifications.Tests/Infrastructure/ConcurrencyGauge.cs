namespace Quality.Notifications.Tests.Infrastructure;

/// <summary>Counts requests a receiver is holding right now, how many it took in all, and the most it ever held at once.</summary>
public sealed class ConcurrencyGauge
{
    private int _current;
    private int _max;
    private int _entered;

    public int Current => Volatile.Read(ref _current);
    public int Max => Volatile.Read(ref _max);
    public int Entered => Volatile.Read(ref _entered);

    /// <summary>Runs <paramref name="hold"/> counted in.</summary>
    public async Task HoldAsync(Func<Task> hold)
    {
        Interlocked.Increment(ref _entered);
        var now = Interlocked.Increment(ref _current);
        int seen;
        while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
        {
        }

        try
        {
            await hold();
        }
        finally
        {
            Interlocked.Decrement(ref _current);
        }
    }
}
