using Quality.FaultDrills.Reporting;

namespace Quality.SystemTests;

/// <summary>How a drill turns accepted items per second into the time until the rate was back to 90 %.</summary>
public sealed class ThroughputRecoveryTests
{
    [Fact]
    public void A_rate_that_never_dropped_recovered_at_once()
    {
        int[] perSecond = [30, 30, 29, 31, 30, 28, 30, 30, 30, 30];

        Assert.Equal(TimeSpan.Zero, ThroughputRecovery.After(perSecond, 30, TimeSpan.FromSeconds(3.5), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Recovery_ends_with_the_last_window_below_ninety_percent()
    {
        // Killed at 2.5 s; nothing accepted in seconds 3 to 5; retries burst in second 6; normal again from 7.
        int[] perSecond = [30, 30, 30, 0, 0, 0, 90, 30, 30, 30, 30, 30];

        // Windows ending at 6 (0+0+90 = 90 ≥ 81) and on are fine; the one ending at 5 is the last short one.
        Assert.Equal(TimeSpan.FromSeconds(3.5), ThroughputRecovery.After(perSecond, 30, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(12)));
    }

    [Fact]
    public void A_rate_still_short_when_posting_stopped_never_recovered()
    {
        int[] perSecond = [30, 30, 30, 0, 0, 0, 0, 0];

        Assert.Null(ThroughputRecovery.After(perSecond, 30, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(8)));
    }
}
