using Google.Protobuf.WellKnownTypes;
using Quality.Scoring.Grpc;
using Quality.Web.Features.Goals;

namespace Quality.Web.Tests.Features.Goals;

public sealed class GoalOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void At_risk_goals_come_first_then_on_track_then_undecided_then_decided_each_by_nearest_deadline()
    {
        GoalReport[] goals =
        [
            Goal("achieved", "achieved", 1),
            Goal("on-track-late", "on_track", 20),
            Goal("risk-late", "at_risk", 30),
            Goal("early", "too_early", 2),
            Goal("risk-soon", "at_risk", 3),
            Goal("on-track-soon", "on_track", 5),
            Goal("unknown", "something_new", 1),
            Goal("missed", "missed", 1),
        ];

        Assert.Equal(
            ["risk-soon", "risk-late", "on-track-soon", "on-track-late", "early", "missed", "achieved", "unknown"],
            GoalOrder.Order(goals).Select(g => g.Id));
    }

    private static GoalReport Goal(string id, string status, int days) =>
        new() { Id = id, Status = status, Deadline = Timestamp.FromDateTimeOffset(Now.AddDays(days)) };
}
