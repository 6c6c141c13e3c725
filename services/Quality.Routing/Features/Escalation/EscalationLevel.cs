namespace Quality.Routing.Features.Escalation;

/// <summary>One rung of the ladder: the role that must acknowledge, and how long the rung below has before the case climbs here.</summary>
public sealed class EscalationLevel
{
    /// <summary>agent, supervisor, quality_manager or admin.</summary>
    public string Role { get; set; } = "";

    /// <summary>
    /// Wall-clock time after the level below was reached (for the first level: after the trigger) before the
    /// case climbs to this one, unless someone acknowledged. Escalation is about urgency, so it does not
    /// wait for business hours.
    /// </summary>
    public TimeSpan Delay { get; set; }
}
