namespace Quality.Routing.Features.Escalation;

public enum EscalationState
{
    /// <summary>Waiting for an acknowledgement; climbs at <see cref="CaseEscalation.NextLevelAt"/> unless at the top.</summary>
    Climbing = 1,

    /// <summary>Someone at the current level or above took it on; a new trigger starts a new round.</summary>
    Acknowledged = 2,

    /// <summary>The case was resolved or closed while climbing.</summary>
    Stopped = 3,
}
