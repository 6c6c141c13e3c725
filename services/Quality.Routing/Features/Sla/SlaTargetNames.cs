using Quality.Contracts.Routing;

namespace Quality.Routing.Features.Sla;

/// <summary>How targets and clock states are spelled for people: first_response, next_response, resolution.</summary>
public static class SlaTargetNames
{
    public static readonly SlaTarget[] All = [SlaTarget.FirstResponse, SlaTarget.NextResponse, SlaTarget.Resolution];

    public static string Name(this SlaTarget target) => target switch
    {
        SlaTarget.FirstResponse => "first_response",
        SlaTarget.NextResponse => "next_response",
        _ => "resolution",
    };

    public static string Name(this SlaClockState state) => state.ToString().ToLowerInvariant();

    public static string Minutes(TimeSpan value) => $"{value.TotalMinutes:0.#}";
}
