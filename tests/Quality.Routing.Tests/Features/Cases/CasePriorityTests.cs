using Quality.Routing.Features.Cases;

namespace Quality.Routing.Tests.Features.Cases;

public sealed class CasePriorityTests
{
    [Theory]
    [InlineData(1, null, 0.0, 1, 4)]
    [InlineData(2, null, -0.5, 1, 3)]
    [InlineData(4, null, 0.3, 1, 1)]
    [InlineData(2, "VIP", -0.5, 1, 2)]
    [InlineData(2, "silver", -0.8, 1, 2)]
    [InlineData(2, null, -0.79, 1, 3)]
    [InlineData(2, null, -0.5, 2, 2)]
    [InlineData(1, null, 0.0, 3, 2)]
    [InlineData(1, null, 0.0, 9, 2)]
    [InlineData(2, "gold", -0.9, 5, 1)]
    public void Priority_rises_with_severity_tier_negative_sentiment_and_repeats(int severity, string? tier, double sentiment, int complaints, int priority) =>
        Assert.Equal(priority, CasePriority.Compute(severity, tier, sentiment, complaints));
}
