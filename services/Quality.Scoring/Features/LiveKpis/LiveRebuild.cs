namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// What one rebuild of the live windows re-folded: how many cases, survey answers and feedback items without a case,
/// the stored facts they were computed from, and the teams and agents whose values those feed. Not
/// <see cref="Complete"/> when Redis failed part-way (what it missed is marked and re-folded once Redis answers) or was
/// flushed meanwhile (a replica rebuilds again by itself).
/// </summary>
public sealed record LiveRebuild(
    IReadOnlyList<string> Windows, int Cases, int Surveys, int FeedbackItems, long Facts, int Teams, int Agents, bool Complete,
    DateTimeOffset StartedAt, DateTimeOffset FinishedAt);
