namespace Quality.Routing.Features.Sla;

public enum SlaTimerKind
{
    Warning = 1,
    Breach = 2,
}
