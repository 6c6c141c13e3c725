namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// One thing an entity adds to Redis. <see cref="LiveEntryKind.Count"/>: hash field + <c>Value</c>;
/// <see cref="LiveEntryKind.Board"/>: sorted-set member + <c>Value</c>; <see cref="LiveEntryKind.Sample"/>: sorted-set
/// member with score <c>Value</c>, held while <c>CountKey</c> (a hash) counts it above zero, so that adding and
/// removing a sample commute like every other change; <see cref="LiveEntryKind.State"/>: like Count, but never
/// expires. <c>ExpireAt</c> is Unix seconds, 0 for never. <c>Scope</c> is the KPI scope (<c>org</c>, <c>team:x</c>,
/// <c>agent:y</c>) whose values the entry feeds; null for boards.
/// </summary>
public sealed record LiveEntry(LiveEntryKind Kind, string Key, string Member, double Value, long ExpireAt, string? Scope = null, string? CountKey = null);
