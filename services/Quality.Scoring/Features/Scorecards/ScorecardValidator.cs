using System.Globalization;
using Quality.Scoring.Features.Kpis;

namespace Quality.Scoring.Features.Scorecards;

/// <summary>
/// Checks a configured scorecard and builds it. Keys in errors are relative to <see cref="ScorecardOptions.SectionName"/>
/// (<c>Agent:Kpis:csat_percent:Weight</c>), so with the section in front they are exactly what to set.
/// </summary>
public static class ScorecardValidator
{
    /// <summary>How far the weights' sum may be from 1, so that 0.1 + 0.2 + 0.7 passes.</summary>
    public const double Tolerance = 1e-6;

    public static IEnumerable<(string Key, string Error)> Validate(string card, ScorecardCardOptions options)
    {
        if (!KpiPeriodResolver.Names.Contains(options.Period))
        {
            yield return ($"{card}:Period", $"unknown period '{options.Period}'; use {string.Join(", ", KpiPeriodResolver.Names)}");
        }

        foreach (var (name, kpi) in options.Kpis)
        {
            var key = $"{card}:Kpis:{name}";
            var definition = KpiDefinitions.Named(name);
            if (definition is null)
            {
                yield return (key, $"unknown KPI '{name}'; use one of {string.Join(", ", KpiDefinitions.All.Select(d => d.Name))}");
                continue;
            }

            if (!double.IsFinite(kpi.Weight) || kpi.Weight < 0)
            {
                yield return ($"{key}:Weight", $"must be more than 0 (or 0 to leave {name} out), not {Show(kpi.Weight)}");
                continue;
            }

            if (kpi.Weight == 0)
            {
                continue;
            }

            foreach (var error in Bounds(key, definition, kpi))
            {
                yield return error;
            }
        }

        var weighted = options.Kpis.Where(k => KpiDefinitions.Named(k.Key) is not null && double.IsFinite(k.Value.Weight) && k.Value.Weight > 0).ToList();
        if (weighted.Count == 0)
        {
            yield return ($"{card}:Kpis", "lists no KPI with a weight above 0");
        }
        else if (weighted.Sum(k => k.Value.Weight) is var sum && Math.Abs(sum - 1) > Tolerance)
        {
            yield return ($"{card}:Kpis", $"the weights sum to {Show(sum)} ({string.Join(" + ", weighted.Select(k => $"{k.Key} {Show(k.Value.Weight)}"))}); they must sum to 1");
        }
    }

    /// <summary>The scorecard from options that <see cref="Validate"/> passed.</summary>
    public static Scorecard Build(string card, ScorecardCardOptions options) => new(
        card.ToLowerInvariant(),
        options.Period,
        [.. KpiDefinitions.All
            .Select(d => (Definition: d, Options: options.Kpis.FirstOrDefault(k => k.Key == d.Name).Value))
            .Where(k => k.Options is { Weight: > 0 })
            .Select(k => new ScorecardKpi(k.Definition, k.Options!.Weight, Worst(k.Definition, k.Options)!.Value, Best(k.Definition, k.Options)!.Value))]);

    private static IEnumerable<(string Key, string Error)> Bounds(string key, KpiDefinition definition, ScorecardKpiOptions kpi)
    {
        var (worst, best) = (Worst(definition, kpi), Best(definition, kpi));
        var range = $"{Show(definition.Minimum)} to {(definition.Maximum is { } max ? Show(max) : "no upper limit")}";
        var errors = new List<(string, string)>();
        foreach (var (bound, value) in new[] { ("Worst", worst), ("Best", best) })
        {
            if (value is null)
            {
                errors.Add(($"{key}:{bound}", $"required: {definition.Name} has no upper limit, so give the value that scores {(bound == "Worst" ? 0 : 100)}"));
            }
            else if (!double.IsFinite(value.Value) || value < definition.Minimum || value > (definition.Maximum ?? double.MaxValue))
            {
                errors.Add(($"{key}:{bound}", $"{Show(value.Value)} is outside {definition.Name}'s range ({range})"));
            }
        }

        if (errors.Count == 0 && worst == best)
        {
            errors.Add((key, $"Worst and Best are both {Show(worst!.Value)}; they must differ"));
        }
        else if (errors.Count == 0 && definition.HigherIsBetter != (best > worst))
        {
            errors.Add((key, definition.HigherIsBetter
                ? $"{definition.Name} is better higher, so Worst ({Show(worst!.Value)}) must be below Best ({Show(best!.Value)})"
                : $"{definition.Name} is better lower, so Worst ({Show(worst!.Value)}) must be above Best ({Show(best!.Value)})"));
        }

        return errors;
    }

    private static double? Worst(KpiDefinition definition, ScorecardKpiOptions kpi) =>
        kpi.Worst ?? (definition.HigherIsBetter ? definition.Minimum : definition.Maximum);

    private static double? Best(KpiDefinition definition, ScorecardKpiOptions kpi) =>
        kpi.Best ?? (definition.HigherIsBetter ? definition.Maximum : definition.Minimum);

    private static string Show(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
