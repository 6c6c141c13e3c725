using System.Text;
using Quality.Notifications.Features.Deliveries;

namespace Quality.Notifications.Features.Noise;

/// <summary>One email that stands for the alerts a throttled address did not get on their own, oldest first.</summary>
public static class DigestComposer
{
    public static string Subject(int count) => $"[Quality] 提醒摘要：{count} 条 / Alert digest: {count}";

    public static string Body(IReadOnlyList<Delivery> held, TimeSpan window)
    {
        var body = new StringBuilder()
            .Append("以下 ").Append(held.Count).Append(" 条提醒因超过每 ").Append(window.TotalMinutes.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture))
            .Append(" 分钟的发送上限而合并发送。\r\n")
            .Append("These ").Append(held.Count).Append(" alerts went over the per-")
            .Append(window.TotalMinutes.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)).Append("-minute limit and are sent together.\r\n");
        foreach (var delivery in held.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id))
        {
            body.Append("\r\n— ").Append(delivery.Subject).Append(" (").Append(delivery.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)).Append(" UTC)\r\n")
                .Append(delivery.Payload.TrimEnd()).Append("\r\n");
        }

        return body.ToString();
    }
}
