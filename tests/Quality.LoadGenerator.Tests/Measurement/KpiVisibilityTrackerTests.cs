using Quality.LoadGenerator.Measurement;

namespace Quality.LoadGenerator.Tests.Measurement;

public sealed class KpiVisibilityTrackerTests
{
    [Fact]
    public void Items_become_visible_in_stored_order_as_the_count_grows_past_the_baseline()
    {
        var tracker = new KpiVisibilityTracker();
        var stage = new StageMetrics("100/s", 100);
        tracker.OnCount(1_000, Clock.Now); // baseline: what was there before the run
        tracker.OnStored(Clock.Now, stage, items: 3);
        tracker.OnCount(1_002, Clock.Now);
        Assert.Equal((2, 1L), (stage.KpiVisible.Count, tracker.Pending));
        tracker.OnCount(1_005, Clock.Now); // others' items never make ours visible twice
        Assert.Equal((3, 0L), (stage.KpiVisible.Count, tracker.Pending));
    }
}
