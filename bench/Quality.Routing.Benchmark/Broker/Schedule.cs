using System.Diagnostics;

namespace Quality.Routing.Benchmark.Broker;

/// <summary>An open-loop sending schedule: item <c>i</c> leaves at <c>start + i / rate</c>, whatever came before.</summary>
public sealed class Schedule(double ratePerSecond)
{
    private readonly long _start = Clock.Now;
    private readonly double _ticksPerItem = Stopwatch.Frequency / ratePerSecond;

    /// <summary>Waits until item <paramref name="index"/>'s time and returns it (a <see cref="Clock"/> timestamp).</summary>
    public async Task<long> WaitForAsync(int index, CancellationToken ct)
    {
        var scheduled = _start + (long)(index * _ticksPerItem);
        var wait = Clock.MillisecondsBetween(Clock.Now, scheduled);
        if (wait >= 1)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(wait), ct).ConfigureAwait(false);
        }

        return scheduled;
    }
}
