using Quality.LoadGenerator.Traffic;

namespace Quality.LoadGenerator.Tests.Traffic;

public sealed class RatePacerTests
{
    [Fact]
    public void Items_are_due_evenly_from_the_start()
    {
        var pacer = new RatePacer(500);
        Assert.Equal(TimeSpan.Zero, pacer.DueAt(0));
        Assert.Equal(TimeSpan.FromSeconds(1), pacer.DueAt(500));
        Assert.Equal(TimeSpan.FromMilliseconds(2), pacer.DueAt(1));
    }

    [Fact]
    public void A_late_item_is_sent_at_once_and_an_early_one_waits()
    {
        var pacer = new RatePacer(100);
        Assert.Equal(TimeSpan.Zero, pacer.Wait(10, TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromMilliseconds(50), pacer.Wait(10, TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public void A_rate_must_be_positive() => Assert.Throws<ArgumentOutOfRangeException>(() => new RatePacer(0));
}
