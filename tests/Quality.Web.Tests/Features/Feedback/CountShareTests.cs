using Quality.Web.Features.Feedback;

namespace Quality.Web.Tests.Features.Feedback;

public sealed class CountShareTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(5, 0, 0)]
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 67)]
    [InlineData(1, 8, 13)]
    [InlineData(7, 7, 100)]
    public void A_share_is_the_rounded_percentage_of_the_total(long count, long total, int percent) =>
        Assert.Equal(percent, CountShare.Percent(count, total));
}
