namespace Quality.Scoring.Features.Kpis;

/// <summary>
/// A KPI's name, unit and formula, as the API reports them next to the value; its possible range (a goal's
/// target must lie in it, a forecast is clamped to it) and which way is better (the default direction of a goal).
/// </summary>
public sealed record KpiDefinition(string Name, string Unit, string Formula, double Minimum, double? Maximum, bool HigherIsBetter)
{
    /// <summary>True for a state at the period end (the backlog) rather than a measure over the period.</summary>
    public bool IsState => Unit == "cases";

    public double Clamp(double value) => Math.Min(Math.Max(value, Minimum), Maximum ?? double.MaxValue);
}
