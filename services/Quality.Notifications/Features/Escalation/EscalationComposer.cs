using System.Globalization;
using Quality.Notifications.Features.Alerts;

namespace Quality.Notifications.Features.Escalation;

/// <summary>The words of an escalated alert: the first alert's title marked with its level, and a note saying why it came.</summary>
public static class EscalationComposer
{
    public static string TitleEn(int level, string title) => AlertRecorder.Truncate($"[Escalated L{level}] {title}");

    public static string TitleZh(int level, string title) => AlertRecorder.Truncate($"[升级 L{level}] {title}");

    /// <summary>The email body: the rule's own body (if it has one) and a bilingual note on what was not acknowledged and how to.</summary>
    public static string Body(string? ruleBody, Alert first, Alert escalated)
    {
        var raised = first.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var note =
            $"此提醒于 {raised} UTC 发出，至今无人确认，现升级至第 {escalated.EscalationLevel} 级。确认请调用 POST /api/alerts/{escalated.Id}/acknowledge。\r\n" +
            $"This alert was raised at {raised} UTC and nobody has acknowledged it, so it is escalated to level {escalated.EscalationLevel}. " +
            $"Acknowledge it with POST /api/alerts/{escalated.Id}/acknowledge.\r\n";
        return string.IsNullOrWhiteSpace(ruleBody)
            ? $"{first.TitleZh ?? first.Title}\r\n{first.Title}\r\n\r\n{note}"
            : $"{ruleBody.TrimEnd()}\r\n\r\n{note}";
    }
}
