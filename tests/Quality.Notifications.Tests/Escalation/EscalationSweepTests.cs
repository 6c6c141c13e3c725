using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Quality.Notifications.Features.Alerts;
using Quality.Notifications.Features.Escalation;
using Quality.Notifications.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.Testing;

namespace Quality.Notifications.Tests.Escalation;

/// <summary>
/// The sweeper on the real database with a fake clock: ladders of hours are walked in no time. The service's
/// own sweeper runs on the real clock and never reaches these timers (hours away). These sweeps reach any class's
/// timers due within hours, so classes with escalation timers run one after another (<see cref="EscalationTimerTests"/>),
/// as this class's tests do.
/// </summary>
[Collection(nameof(EscalationTimerTests))]
public sealed class EscalationSweepTests(NotificationsServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private EscalationSweeper SweeperAt(FakeTimeProvider clock) =>
        new(servers.Notifications.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<EscalationSweeper>.Instance);

    private static object Rule(Scenario scenario, int firstAfterSeconds, int secondAfterSeconds) => new
    {
        name = "ladder",
        eventTypes = new[] { "SlaBreached" },
        scope = new { kind = "team", value = scenario.Team },
        channel = "in_app",
        templates = new { zh = "案件 {caseId} 已超时", en = "Case {caseId} breached" },
        escalation = new object[]
        {
            new { afterSeconds = firstAfterSeconds, scope = new { kind = "person", value = "duty-" + scenario.Team }, channel = "in_app" },
            new { afterSeconds = secondAfterSeconds, scope = new { kind = "role", value = "quality_manager" }, channel = "in_app" },
        },
    };

    private static async Task<Alert> RaiseAsync(Scenario scenario)
    {
        var breach = scenario.Breach();
        await scenario.PublishAsync(breach);
        return (await Eventually.Async(() => scenario.AlertsForAsync(breach.EventId), a => a.Count == 1))[0];
    }

    [Fact]
    public async Task An_alert_climbs_each_level_when_its_delay_has_passed_and_not_before()
    {
        var scenario = new Scenario(servers.Notifications);
        await scenario.CreateRuleAsync(Rule(scenario, firstAfterSeconds: 2 * 3600, secondAfterSeconds: 3 * 3600));
        var first = await RaiseAsync(scenario);
        var clock = new FakeTimeProvider(first.CreatedAt);
        var sweeper = SweeperAt(clock);

        clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        await sweeper.SweepAsync(100, Cancellation);
        Assert.Single(await scenario.ChainAsync(first.Id));

        clock.Advance(TimeSpan.FromSeconds(1));
        await sweeper.SweepAsync(100, Cancellation);
        var chain = await scenario.ChainAsync(first.Id);
        Assert.Equal([0, 1], chain.Select(a => a.EscalationLevel));
        Assert.Equal(($"duty-{scenario.Team}", clock.GetUtcNow()), (chain[1].RecipientId, chain[1].CreatedAt));
        Assert.Equal("[Escalated L1] " + first.Title, chain[1].Title);
        Assert.Equal("[升级 L1] " + first.TitleZh, chain[1].TitleZh);
        var timer = await scenario.TimerAsync(first.Id);
        Assert.Equal((2, chain[1].Id, clock.GetUtcNow() + TimeSpan.FromHours(3)), (timer!.NextLevel, timer.CurrentAlertId, timer.DueAt));

        clock.Advance(TimeSpan.FromHours(3));
        await sweeper.SweepAsync(100, Cancellation);
        chain = await scenario.ChainAsync(first.Id);
        Assert.Equal([0, 1, 2], chain.Select(a => a.EscalationLevel));
        Assert.Equal((Roles.QualityManager, scenario.Team, chain[1].Id), (chain[2].RecipientRole, chain[2].TeamId, chain[2].EscalatedFromId));
        Assert.Null(await scenario.TimerAsync(first.Id));

        // The last level reached: nothing more, however long nobody answers.
        clock.Advance(TimeSpan.FromHours(10));
        await sweeper.SweepAsync(100, Cancellation);
        Assert.Equal(3, (await scenario.ChainAsync(first.Id)).Count);
    }

    [Fact]
    public async Task Acknowledgement_by_a_recipient_stops_the_escalation_even_after_its_time_has_come()
    {
        var scenario = new Scenario(servers.Notifications);
        await scenario.CreateRuleAsync(Rule(scenario, firstAfterSeconds: 3600, secondAfterSeconds: 3600));
        var first = await RaiseAsync(scenario);
        var supervisor = servers.Notifications.ClientFor("sup-" + scenario.Team, Roles.Supervisor, scenario.Team);

        var acknowledged = await supervisor.PostAsync($"/api/alerts/{first.Id}/acknowledge", null, Cancellation);
        Assert.True(acknowledged.IsSuccessStatusCode);

        var clock = new FakeTimeProvider(first.CreatedAt + TimeSpan.FromHours(5));
        await SweeperAt(clock).SweepAsync(100, Cancellation);
        Assert.Single(await scenario.ChainAsync(first.Id));
        Assert.Null(await scenario.TimerAsync(first.Id));
    }

    [Fact]
    public async Task Two_sweepers_at_once_raise_each_escalation_exactly_once()
    {
        const int chains = 30;
        var scenario = new Scenario(servers.Notifications);
        await scenario.CreateRuleAsync(Rule(scenario, firstAfterSeconds: 3600, secondAfterSeconds: 3600));
        var firsts = new List<Alert>();
        for (var i = 0; i < chains; i++)
        {
            firsts.Add(await RaiseAsync(scenario));
        }

        // Two replicas' sweepers, racing over the same due timers, level after level.
        var clock = new FakeTimeProvider(firsts.Max(a => a.CreatedAt) + TimeSpan.FromHours(1));
        var (one, two) = (SweeperAt(clock), SweeperAt(clock));
        for (var level = 1; level <= 2; level++)
        {
            var swept = await Task.WhenAll(Task.Run(() => one.SweepAsync(1000, Cancellation)), Task.Run(() => two.SweepAsync(1000, Cancellation)));
            var mine = swept.SelectMany(s => s.Raised).Where(a => firsts.Any(f => f.Id == a.ChainId)).ToList();
            Assert.Equal(chains, mine.Count);
            Assert.All(mine, a => Assert.Equal(level, a.EscalationLevel));
            clock.Advance(TimeSpan.FromHours(1));
        }

        foreach (var first in firsts)
        {
            Assert.Equal([0, 1, 2], (await scenario.ChainAsync(first.Id)).Select(a => a.EscalationLevel));
        }
    }
}
