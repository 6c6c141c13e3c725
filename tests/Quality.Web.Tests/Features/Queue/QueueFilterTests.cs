using Quality.Web.Features.Queue;

namespace Quality.Web.Tests.Features.Queue;

public sealed class QueueFilterTests
{
    [Fact]
    public void No_status_asks_for_every_open_status()
    {
        Assert.Equal(["open", "assigned", "pending_customer"], new QueueFilter().Statuses);
        Assert.Equal(["assigned"], new QueueFilter(Status: "assigned").Statuses);
    }

    [Theory]
    [InlineData("resolved")]
    [InlineData("closed")]
    [InlineData("'; drop table cases; --")]
    public void A_status_that_is_not_open_or_crafted_falls_back_to_the_open_ones(string status) =>
        Assert.Equal(QueueFilter.OpenStatuses, new QueueFilter(Status: status).Statuses);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(4, 4)]
    [InlineData(5, 0)]
    [InlineData(-1, 0)]
    public void Only_priorities_1_to_4_filter(int priority, int sent) => Assert.Equal(sent, new QueueFilter(Priority: priority).ValidPriority);
}
