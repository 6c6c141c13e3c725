using Quality.Notifications.Features.Deliveries;

namespace Quality.Notifications.Tests.Deliveries;

public sealed class BackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(10);

    [Theory]
    [InlineData(1, 1000, 2000)]
    [InlineData(2, 2000, 4000)]
    [InlineData(3, 4000, 8000)]
    [InlineData(10, 300_000, 600_000)]
    [InlineData(60, 300_000, 600_000)]
    public void Doubles_per_attempt_within_half_to_full_and_is_capped(int attempt, double minMs, double maxMs)
    {
        Assert.Equal(minMs, Backoff.After(attempt, Base, Max, 0).TotalMilliseconds, 3);
        Assert.InRange(Backoff.After(attempt, Base, Max, 0.999999).TotalMilliseconds, minMs, maxMs);
    }

    [Fact]
    public void Jitter_spreads_retries_that_failed_together()
    {
        var delays = Enumerable.Range(0, 100).Select(_ => Backoff.After(3, Base, Max, Random.Shared.NextDouble())).Distinct().Count();

        Assert.True(delays > 50);
    }
}
