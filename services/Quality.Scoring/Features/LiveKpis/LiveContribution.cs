namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// Everything one entity adds to the live values, computed from its facts at <see cref="Version"/> (a database
/// sequence taken under the entity's lock, so a later computation always has a larger version). <see cref="Facts"/>
/// is how many stored facts it was computed from; it is reported, not stored in Redis.
/// </summary>
public sealed record LiveContribution(string Entity, long Version, IReadOnlyList<LiveEntry> Entries, int Facts = 0)
{
    /// <summary>State (the backlog) has no time bucket; its record must live as long as the state it undoes.</summary>
    public bool HoldsState => Entries.Any(e => e.Kind == LiveEntryKind.State);

    /// <summary>The KPI scopes whose values this contribution feeds: told of a change when it is applied (and when it is undone).</summary>
    public IReadOnlyList<string> Scopes => [.. Entries.Select(e => e.Scope).OfType<string>().Distinct().Order(StringComparer.Ordinal)];
}
