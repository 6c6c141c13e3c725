using Quality.Routing.Features.Calendars;

namespace Quality.Routing.Features.Sla;

/// <summary>
/// The SLA policies and business calendars as of one <see cref="Version"/> of <c>sla_settings_version</c>, which
/// a trigger bumps in the same transaction as any change to either table. Shared between requests, so read only.
/// </summary>
public sealed record SlaSettings(long Version, IReadOnlyList<SlaPolicy> EnabledPolicies, IReadOnlyDictionary<string, BusinessTime> Calendars)
{
    /// <summary>Before anything is loaded: older than every version in the table, so the first use loads.</summary>
    public static SlaSettings None { get; } = new(-1, [], new Dictionary<string, BusinessTime>());

    /// <summary>The first enabled policy, in rank order, whose condition the case meets; null when none does.</summary>
    public SlaPolicy? FirstMatch(Cases.Case @case) => EnabledPolicies.FirstOrDefault(p => p.Matches(@case));
}
