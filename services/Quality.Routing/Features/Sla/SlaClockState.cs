namespace Quality.Routing.Features.Sla;

public enum SlaClockState
{
    /// <summary>Not started yet: a next-response clock before the customer writes again.</summary>
    Idle = 1,
    Running = 2,

    /// <summary>Waiting on the customer; the elapsed business time is kept.</summary>
    Paused = 3,

    /// <summary>Its goal was answered (response, resolution); a reopening may run it again.</summary>
    Stopped = 4,
}
