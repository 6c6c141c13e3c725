using Quality.Contracts.Routing;

namespace Quality.Routing.Features.Sla;

/// <summary>A policy's goals for one priority, in business time; a null goal is not measured against.</summary>
public sealed record SlaTargetSet(int Priority, TimeSpan? FirstResponse, TimeSpan? NextResponse, TimeSpan? Resolution)
{
    public TimeSpan? For(SlaTarget target) => target switch
    {
        SlaTarget.FirstResponse => FirstResponse,
        SlaTarget.NextResponse => NextResponse,
        _ => Resolution,
    };
}
