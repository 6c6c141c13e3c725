using Google.Protobuf.WellKnownTypes;
using Quality.Notifications.Grpc;
using Quality.Web.Features.Alerts;

namespace Quality.Web.Tests.Features.Alerts;

public sealed class AlertListTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Keeps_each_alert_once_newest_first_with_its_latest_state()
    {
        var list = new AlertList();
        list.Reset([Alert("a", Now.AddMinutes(-2)), Alert("b", Now.AddMinutes(-1))]);

        list.Put(Alert("c", Now));
        var acknowledged = Alert("a", Now.AddMinutes(-2));
        acknowledged.AcknowledgedAt = Timestamp.FromDateTimeOffset(Now);
        list.Put(acknowledged);
        list.Put(Alert("b", Now.AddMinutes(-1)));

        Assert.Equal(["c", "b", "a"], list.Items.Select(a => a.AlertId));
        Assert.NotNull(list.Items[^1].AcknowledgedAt);
    }

    [Fact]
    public void The_oldest_fall_off_past_the_limit()
    {
        var list = new AlertList();
        for (var i = 0; i < AlertList.Limit + 5; i++)
        {
            list.Put(Alert($"a{i}", Now.AddSeconds(i)));
        }

        Assert.Equal(AlertList.Limit, list.Items.Count);
        Assert.DoesNotContain(list.Items, a => a.AlertId == "a4");
        Assert.Contains(list.Items, a => a.AlertId == "a5");
    }

    [Theory]
    [InlineData("zh", "新工单", "新工单")]
    [InlineData("zh-CN", "新工单", "新工单")]
    [InlineData("en", "新工单", "New case")]
    [InlineData("zh", "", "New case")]
    public void The_title_follows_the_language_when_the_alert_has_one(string language, string titleZh, string expected) =>
        Assert.Equal(expected, AlertList.Title(new Alert { Title = "New case", TitleZh = titleZh }, language));

    private static Alert Alert(string id, DateTimeOffset created) => new() { AlertId = id, CreatedAt = Timestamp.FromDateTimeOffset(created) };
}
