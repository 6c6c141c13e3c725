using Quality.LoadGenerator.Measurement;

namespace Quality.LoadGenerator.Tests.Measurement;

public sealed class AssignmentTrackerTests
{
    [Fact]
    public void An_assignment_counts_whichever_side_arrives_first()
    {
        var tracker = new AssignmentTracker();
        var stage = new StageMetrics("500/s", 500);
        Guid first = Guid.NewGuid(), second = Guid.NewGuid();
        var t0 = Clock.Now;

        tracker.Register(first, t0, stage);
        tracker.OnAssigned(first, Clock.Now);
        tracker.OnAssigned(second, Clock.Now); // the event overtook the HTTP answer
        tracker.Register(second, t0, stage);
        tracker.OnAssigned(first, Clock.Now); // a reassignment is not a second first assignment

        Assert.Equal(2, stage.Assigned.Count);
        Assert.Equal(0, tracker.WaitingFor(stage));
    }
}
