namespace Quality.Web.Features.Overview;

/// <summary>How a KPI moved against the previous period, and whether that is good news.</summary>
public sealed record KpiChange(double Delta, KpiDirection Direction)
{
    /// <summary>Null when either period had nothing to measure: there is no honest comparison then.</summary>
    public static KpiChange? Between(OverviewKpi kpi, double? current, double? previous)
    {
        if (current is not { } now || previous is not { } before)
        {
            return null;
        }

        var delta = now - before;
        var direction = Math.Abs(delta) < 1e-9
            ? KpiDirection.Unchanged
            : (delta > 0) == kpi.HigherIsBetter ? KpiDirection.Better : KpiDirection.Worse;
        return new KpiChange(delta, direction);
    }
}
