using Quality.Routing.Features.Cases;

namespace Quality.Routing.Features.Sla;

/// <summary>A case's SLA as of now: its clocks with the business time each has used, and its SLA timeline.</summary>
public sealed record CaseSlaView(Case Case, IReadOnlyList<(SlaClock Clock, TimeSpan Used)> Clocks, IReadOnlyList<SlaTimelineEntry> Entries);
