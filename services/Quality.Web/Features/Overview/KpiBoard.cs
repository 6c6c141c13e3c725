using Quality.Scoring.Grpc;

namespace Quality.Web.Features.Overview;

/// <summary>
/// The live values of one dashboard, kept from Scoring's feed: a snapshot replaces every KPI, a change only the
/// KPIs it names.
/// </summary>
public sealed class KpiBoard
{
    private readonly Dictionary<string, KpiReading> _readings = [];

    public KpiReading? this[string name] => _readings.GetValueOrDefault(name);

    public bool HasSnapshot { get; private set; }

    /// <summary>The live window the values are for; it moves on with time.</summary>
    public DateTimeOffset? From { get; private set; }

    public DateTimeOffset? To { get; private set; }

    public DateTimeOffset? AsOf { get; private set; }

    /// <summary>True while Scoring answers from stored facts because its live store is unavailable.</summary>
    public bool Degraded { get; private set; }

    /// <summary>Applies a feed message; answers the names whose value or sample count changed.</summary>
    public IReadOnlyList<string> Apply(KpiFeedMessage message)
    {
        if (message.Kind == "snapshot")
        {
            _readings.Clear();
            HasSnapshot = true;
        }
        else if (!HasSnapshot)
        {
            // A change before any snapshot cannot be placed; the feed always opens with one.
            return [];
        }

        From = message.From?.ToDateTimeOffset();
        To = message.To?.ToDateTimeOffset();
        AsOf = message.AsOf?.ToDateTimeOffset();
        Degraded = message.Degraded;

        var changed = new List<string>();
        foreach (var kpi in message.Kpis)
        {
            var reading = new KpiReading(kpi.Name, kpi.Value, kpi.SampleCount, kpi.Unit);
            if (_readings.GetValueOrDefault(kpi.Name) != reading)
            {
                changed.Add(kpi.Name);
            }

            _readings[kpi.Name] = reading;
        }

        return changed;
    }
}
