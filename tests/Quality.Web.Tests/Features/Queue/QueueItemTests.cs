using Google.Protobuf.WellKnownTypes;
using Quality.Routing.Grpc;
using Quality.Web.Features.Queue;

namespace Quality.Web.Tests.Features.Queue;

public sealed class QueueItemTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Orders_by_priority_then_nearest_deadline_then_oldest_with_no_deadline_last()
    {
        QueueItem[] items =
        [
            Item("p2-soon", 2, Now.AddMinutes(5), Now.AddHours(-1)),
            Item("p1-none", 1, null, Now.AddHours(-5)),
            Item("p1-late", 1, Now.AddHours(2), Now.AddHours(-1)),
            Item("p1-soon", 1, Now.AddMinutes(10), Now.AddHours(-1)),
            Item("p1-soon-older", 1, Now.AddMinutes(10), Now.AddHours(-2)),
            Item("p4", 4, Now.AddMinutes(-30), Now),
        ];

        var ordered = QueueItem.Order(items).Select(i => i.Case.CaseId);

        Assert.Equal(["p1-soon-older", "p1-soon", "p1-late", "p1-none", "p2-soon", "p4"], ordered);
    }

    [Fact]
    public void A_case_that_missed_a_goal_is_breached()
    {
        Assert.True(new QueueItem(new Case { SlaBreached = true }, null).Breached);
        Assert.False(new QueueItem(new Case(), Now).Breached);
    }

    private static QueueItem Item(string id, int priority, DateTimeOffset? due, DateTimeOffset opened) =>
        new(new Case { CaseId = id, Priority = priority, OpenedAt = Timestamp.FromDateTimeOffset(opened) }, due);
}
