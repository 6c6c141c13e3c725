using System.Diagnostics;
using Quality.Contracts.Intake;

namespace Quality.Routing.Benchmark.Broker;

/// <summary>
/// Publishes complaints as fast as the broker confirms them, up to <see cref="InFlight"/> awaiting their
/// confirms at once (as an outbox relay publishing a batch in parallel does).
/// </summary>
public static class Burst
{
    public const int InFlight = 256;

    /// <summary>Returns how many were confirmed, how many failed (each reported to <paramref name="failed"/>), and the seconds it took.</summary>
    public static async Task<(long Published, long Failed, double Seconds)> PublishAsync(
        ComplaintPublisher publisher, IEnumerable<ComplaintRaised> complaints, Action<ComplaintRaised> before, Action<ComplaintRaised, Exception> failed, CancellationToken ct)
    {
        using var slots = new SemaphoreSlim(InFlight);
        var clock = Stopwatch.StartNew();
        long published = 0, failures = 0;
        var pending = new List<Task>();
        foreach (var complaint in complaints)
        {
            await slots.WaitAsync(ct).ConfigureAwait(false);
            before(complaint);
            pending.Add(PublishOneAsync(complaint));
            if (pending.Count >= 4 * InFlight)
            {
                pending.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
        return (published, failures, clock.Elapsed.TotalSeconds);

        async Task PublishOneAsync(ComplaintRaised complaint)
        {
            try
            {
                await publisher.PublishAsync(complaint, ct).ConfigureAwait(false);
                Interlocked.Increment(ref published);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                Interlocked.Increment(ref failures);
                failed(complaint, e);
            }
            finally
            {
                slots.Release();
            }
        }
    }
}
