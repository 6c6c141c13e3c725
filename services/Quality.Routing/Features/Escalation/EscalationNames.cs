using Quality.Contracts.Routing;

namespace Quality.Routing.Features.Escalation;

/// <summary>How triggers and states are spelled for people: sla_breach, critical_severity …; climbing, acknowledged, stopped.</summary>
public static class EscalationNames
{
    public static string Name(this EscalationTrigger trigger) => trigger switch
    {
        EscalationTrigger.SlaBreach => "sla_breach",
        EscalationTrigger.CriticalSeverity => "critical_severity",
        EscalationTrigger.RepeatedComplaints => "repeated_complaints",
        EscalationTrigger.NegativeSentiment => "negative_sentiment",
        EscalationTrigger.NotAcknowledged => "not_acknowledged",
        _ => trigger.ToString().ToLowerInvariant(),
    };

    public static string Name(this EscalationState state) => state.ToString().ToLowerInvariant();
}
