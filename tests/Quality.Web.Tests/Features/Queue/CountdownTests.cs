using Quality.Web.Features.Queue;

namespace Quality.Web.Tests.Features.Queue;

public sealed class CountdownTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(3725, "01:02:05")]
    [InlineData(59.9, "00:00:59")]
    [InlineData(0, "00:00:00")]
    [InlineData(2 * 86400 + 3 * 3600 + 4 * 60 + 5, "2d 03:04:05")]
    [InlineData(-61, "−00:01:01")]
    [InlineData(-0.5, "00:00:00")]
    public void Shows_the_time_left_in_whole_seconds_and_overdue_with_a_minus(double secondsLeft, string expected) =>
        Assert.Equal(expected, Countdown.Format(Now.AddSeconds(secondsLeft), Now));

    [Fact]
    public void A_deadline_is_overdue_from_its_instant_on()
    {
        Assert.False(Countdown.IsOverdue(Now.AddSeconds(1), Now));
        Assert.True(Countdown.IsOverdue(Now, Now));
        Assert.True(Countdown.IsOverdue(Now.AddSeconds(-1), Now));
    }
}
