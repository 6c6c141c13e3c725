using Quality.Scoring.Grpc;

namespace Quality.Web.Features.Goals;

/// <summary>Goals as people act on them: at risk first, then on track, not yet judged, and decided last; nearest deadline first within each.</summary>
public static class GoalOrder
{
    private static readonly string[] Statuses = ["at_risk", "on_track", "too_early", "not_started", "missed", "achieved", "cancelled"];

    public static IReadOnlyList<GoalReport> Order(IEnumerable<GoalReport> goals) =>
    [
        .. goals
            .OrderBy(g => Rank(g.Status))
            .ThenBy(g => g.Deadline?.ToDateTimeOffset() ?? DateTimeOffset.MaxValue)
            .ThenBy(g => g.Id, StringComparer.Ordinal),
    ];

    private static int Rank(string status)
    {
        var rank = Array.IndexOf(Statuses, status);
        return rank < 0 ? Statuses.Length : rank;
    }
}
