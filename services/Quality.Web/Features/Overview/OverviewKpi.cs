namespace Quality.Web.Features.Overview;

/// <summary>A KPI the overview shows as a tile, and which way is better (for the change against the previous period).</summary>
public sealed record OverviewKpi(string Name, bool HigherIsBetter)
{
    public static readonly IReadOnlyList<OverviewKpi> All =
    [
        new("csat_percent", HigherIsBetter: true),
        new("nps", HigherIsBetter: true),
        new("first_response_time_p50", HigherIsBetter: false),
        new("resolution_time_p50", HigherIsBetter: false),
        new("sla_compliance_percent", HigherIsBetter: true),
        new("backlog", HigherIsBetter: false),
        new("complaint_rate_percent", HigherIsBetter: false),
    ];

    public static OverviewKpi? Named(string? name) => All.FirstOrDefault(k => k.Name == name);
}
