using Microsoft.Extensions.Options;
using Quality.Testing;
using Quality.Web.Account;

namespace Quality.Web.Tests.Account;

public sealed class SignInThrottleTests
{
    private static SignInThrottle Create(TimeSpan? window = null) => new(Options.Create(new WebOptions
    {
        SignInFailuresPerName = 3,
        SignInFailuresPerClient = 5,
        SignInWindow = window ?? TimeSpan.FromMinutes(5),
    }));

    [Fact]
    public void A_name_is_blocked_after_its_failures_whatever_its_case_and_others_are_not()
    {
        using var throttle = Create();
        for (var i = 0; i < 3; i++)
        {
            Assert.False(throttle.IsBlocked("admin", $"10.0.0.{i}"));
            throttle.RecordFailure(i % 2 == 0 ? "admin" : "ADMIN ", $"10.0.0.{i}");
        }

        Assert.True(throttle.IsBlocked("admin", "10.0.0.9"));
        Assert.False(throttle.IsBlocked("wang.fang", "10.0.0.9"));
    }

    [Fact]
    public void A_client_is_blocked_after_its_failures_across_names()
    {
        using var throttle = Create();
        for (var i = 0; i < 5; i++)
        {
            throttle.RecordFailure($"guess-{i}", "192.0.2.7");
        }

        Assert.True(throttle.IsBlocked("someone-else", "192.0.2.7"));
        Assert.False(throttle.IsBlocked("someone-else", "192.0.2.8"));
    }

    [Fact]
    public void Checking_costs_nothing_so_correct_sign_ins_are_never_held_up()
    {
        using var throttle = Create();
        for (var i = 0; i < 50; i++)
        {
            Assert.False(throttle.IsBlocked("admin", "127.0.0.1"));
        }
    }

    [Fact]
    public async Task A_blocked_name_is_let_in_again_after_the_window()
    {
        using var throttle = Create(TimeSpan.FromMilliseconds(300));
        for (var i = 0; i < 3; i++)
        {
            throttle.RecordFailure("admin", "127.0.0.1");
        }

        Assert.True(throttle.IsBlocked("admin", "127.0.0.1"));
        await Eventually.Async(() => Task.FromResult(throttle.IsBlocked("admin", "127.0.0.1")), blocked => !blocked);
    }
}
