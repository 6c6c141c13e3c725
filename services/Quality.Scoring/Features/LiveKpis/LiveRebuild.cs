namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// What one rebuild of the live windows wrote: how many cases, survey answers and feedback items without a case,
/// the stored facts they were computed from, and the teams and agents whose values those feed. Not
/// <see cref="Complete"/> when Redis failed or was flushed part-way (a replica rebuilds again by itself).
/// </summary>
public sealed record LiveRebuild(
    IReadOnlyList<string> Windows, int Cases, int Surveys, int FeedbackItems, long Facts, int Teams, int Agents, bool Complete,
    DateTimeOffset StartedAt, DateTimeOffset FinishedAt)
{
    /// <summary>The logged deltas the rebuild's snapshot already held: applied on top, they would count twice.</summary>
    public IReadOnlyList<long> CountedDeltas { get; init; } = [];

    /// <summary>Every KPI scope the rebuilt values feed, whose live feeds are told once the values are complete.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];
}
