using System.ComponentModel.DataAnnotations;

namespace Quality.Notifications.Features.Escalation;

/// <summary>Escalation sweeping, section <c>Notifications:Escalation</c>.</summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Notifications:Escalation";

    /// <summary>How often due escalations are looked for: an escalation happens within about this of its due time.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timers one sweep claims (and escalates in one transaction).</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;
}
