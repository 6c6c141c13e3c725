using Quality.Web.Features.Feedback;

namespace Quality.Web.Tests.Features.Feedback;

public sealed class FeedbackPeriodTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("last_hour", "2026-03-02T09:00:00Z")]
    [InlineData("last_24h", "2026-03-01T10:00:00Z")]
    [InlineData("last_7d", "2026-02-23T10:00:00Z")]
    [InlineData("last_30d", "2026-01-31T10:00:00Z")]
    public void Each_period_ends_now_and_starts_its_length_before(string name, string start) =>
        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), FeedbackPeriod.Named(name).StartBefore(Now));

    [Theory]
    [InlineData("last_year")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_period_means_the_last_24_hours(string? name) =>
        Assert.Equal("last_24h", FeedbackPeriod.Named(name).Name);
}
