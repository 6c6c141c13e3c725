namespace Quality.Hosting;

/// <summary>
/// The delay before restarting a process that exited: doubling from the first delay up to the maximum,
/// and back to the first once a run lasted long enough to count as stable (it is not crash-looping).
/// </summary>
internal sealed class RestartBackoff(TimeSpan first, TimeSpan max, TimeSpan stableAfter)
{
    private TimeSpan _next = TimeSpan.Zero;

    public TimeSpan After(TimeSpan ranFor)
    {
        if (_next == TimeSpan.Zero || ranFor >= stableAfter)
        {
            _next = first;
        }

        var delay = _next;
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, max.Ticks));
        return delay;
    }
}
