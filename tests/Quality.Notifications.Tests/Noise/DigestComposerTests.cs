using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Noise;

namespace Quality.Notifications.Tests.Noise;

public sealed class DigestComposerTests
{
    private static Delivery Held(string subject, string body, int minute) => new()
    {
        Id = Guid.CreateVersion7(),
        Channel = "email",
        Recipient = "a@example.com",
        Subject = subject,
        Payload = body + "\r\n",
        Status = DeliveryStatuses.Held,
        CreatedAt = new DateTimeOffset(2026, 3, 10, 15, minute, 0, TimeSpan.Zero),
    };

    [Fact]
    public void The_digest_lists_every_held_alert_oldest_first_in_both_languages()
    {
        var body = DigestComposer.Body([Held("案件 B 已超时", "正文 B", 7), Held("案件 A 已超时", "正文 A", 3)], TimeSpan.FromMinutes(15));

        Assert.Contains("以下 2 条提醒因超过每 15 分钟的发送上限而合并发送。", body);
        Assert.Contains("These 2 alerts went over the per-15-minute limit", body);
        var a = body.IndexOf("— 案件 A 已超时 (2026-03-10 15:03:00 UTC)\r\n正文 A\r\n", StringComparison.Ordinal);
        var b = body.IndexOf("— 案件 B 已超时 (2026-03-10 15:07:00 UTC)\r\n正文 B\r\n", StringComparison.Ordinal);
        Assert.True(a > 0 && b > a, body);
        Assert.Equal("[Quality] 提醒摘要：2 条 / Alert digest: 2", DigestComposer.Subject(2));
    }
}
