using Microsoft.Extensions.Time.Testing;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Noise;

namespace Quality.Notifications.Tests.Noise;

public sealed class NoisePolicyTests
{
    private static readonly NoiseOptions Options = new() { ThrottleLimit = 3, ThrottleWindow = TimeSpan.FromMinutes(15) };

    // 23:10 in Shanghai, inside 22:00–07:00.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 15, 10, 0, TimeSpan.Zero));

    private static QuietHours Night => new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), new TimeOnly(22, 0), new TimeOnly(7, 0));

    [Fact]
    public void Under_the_limit_and_outside_quiet_hours_it_goes_at_once()
    {
        // 12:10 the next day in Shanghai.
        _time.Advance(TimeSpan.FromHours(13));

        var decision = NoisePolicy.Decide(_time.GetUtcNow(), critical: false, sentInWindow: 2, Options, Night.EndIfWithin(_time.GetUtcNow()));

        Assert.Equal(NoiseDecision.Now(_time.GetUtcNow()), decision);
    }

    [Fact]
    public void Over_the_limit_it_is_held_for_the_digest_at_the_end_of_the_window()
    {
        var decision = NoisePolicy.Decide(_time.GetUtcNow(), critical: false, sentInWindow: 3, Options, quietUntil: null);

        Assert.Equal(DeliveryStatuses.Held, decision.Status);
        Assert.Equal(NoiseDecision.ThrottledReason, decision.Reason);
        // 15:10 lies in the window 15:00–15:15.
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 15, 15, 0, TimeSpan.Zero), decision.HoldUntil);

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 15, 30, 0, TimeSpan.Zero),
            NoisePolicy.Decide(_time.GetUtcNow(), critical: false, sentInWindow: 3, Options, quietUntil: null).HoldUntil);
    }

    [Fact]
    public void In_quiet_hours_it_is_deferred_to_their_end()
    {
        var decision = NoisePolicy.Decide(_time.GetUtcNow(), critical: false, sentInWindow: 0, Options, Night.EndIfWithin(_time.GetUtcNow()));

        Assert.Equal(DeliveryStatuses.Pending, decision.Status);
        Assert.Equal(NoiseDecision.QuietHoursReason, decision.Reason);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 23, 0, 0, TimeSpan.Zero), decision.NextAttemptAt);
    }

    [Fact]
    public void A_critical_alert_bypasses_both_quiet_hours_and_the_throttle()
    {
        var decision = NoisePolicy.Decide(_time.GetUtcNow(), critical: true, sentInWindow: 50, Options, Night.EndIfWithin(_time.GetUtcNow()));

        Assert.Equal(NoiseDecision.Now(_time.GetUtcNow()), decision);
    }

    [Fact]
    public void Windows_are_aligned_to_the_epoch_so_every_replica_agrees()
    {
        var window = TimeSpan.FromMinutes(15);

        Assert.Equal(new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero), NoisePolicy.WindowStart(_time.GetUtcNow(), window));
        // The same instant written with another offset is in the same window.
        Assert.Equal(NoisePolicy.WindowStart(_time.GetUtcNow(), window), NoisePolicy.WindowStart(_time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)), window));
    }
}
