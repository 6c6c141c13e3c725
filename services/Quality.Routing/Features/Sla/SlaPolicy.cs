using Quality.Routing.Features.Calendars;
using Quality.Routing.Features.Cases;

namespace Quality.Routing.Features.Sla;

/// <summary>
/// A condition on new cases and the business-time goals it sets per priority. Policies are tried in rank order
/// when a case opens; the first enabled one whose condition matches applies, and its goals are copied onto
/// the case's clocks, so editing a policy later changes only the cases opened after.
/// </summary>
public sealed class SlaPolicy
{
    public const double DefaultWarningFraction = 0.8;

    public required string Id { get; init; }
    public required string Name { get; set; }

    /// <summary>Lower ranks are tried first; equal ranks in id order.</summary>
    public int Rank { get; set; }

    public bool Enabled { get; set; } = true;

    // The condition: every non-empty list must contain the case's value; empty lists match anything.
    public List<int> Priorities { get; set; } = [];
    public List<string> Categories { get; set; } = [];
    public List<string> Channels { get; set; } = [];
    public List<string> CustomerTiers { get; set; } = [];
    public List<string> Languages { get; set; } = [];

    public List<SlaTargetSet> Targets { get; set; } = [];

    /// <summary>The share of a goal after which a warning fires, e.g. 0.8.</summary>
    public double WarningFraction { get; set; } = DefaultWarningFraction;

    public string CalendarId { get; set; } = BusinessCalendar.DefaultId;
    public DateTimeOffset UpdatedAt { get; set; }

    public bool Matches(Case @case) =>
        (Priorities.Count == 0 || Priorities.Contains(@case.Priority))
        && In(Categories, @case.Category)
        && In(Channels, @case.Channel)
        && In(CustomerTiers, @case.CustomerTier)
        && In(Languages, @case.Language);

    public SlaTargetSet? TargetsFor(int priority) => Targets.FirstOrDefault(t => t.Priority == priority);

    private static bool In(List<string> values, string? value) =>
        values.Count == 0 || (value is not null && values.Contains(value, StringComparer.OrdinalIgnoreCase));
}
