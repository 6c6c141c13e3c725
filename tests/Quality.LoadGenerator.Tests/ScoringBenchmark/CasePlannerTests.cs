using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
using Quality.Scoring.Benchmark.Traffic;

namespace Quality.LoadGenerator.Tests.ScoringBenchmark;

public sealed class CasePlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly TeamRoster Roster = TeamRoster.Create("run-f1", teams: 3, agentsPerTeam: 4);

    [Fact]
    public void Plans_whole_cases_until_the_event_count_is_reached()
    {
        var plan = CasePlanner.Plan(Roster, 1000, Now, new Random(1));
        Assert.InRange(plan.Events.Count, 1000, 1010);
        Assert.Equal(plan.Cases, plan.Events.Count(e => e.Event is CaseOpened));
        Assert.Equal(plan.Cases, plan.Events.Count(e => e.Event is FeedbackReceived));
    }

    [Fact]
    public void Expected_counts_add_up_to_the_events_that_move_them()
    {
        var plan = CasePlanner.Plan(Roster, 2000, Now, new Random(2));
        var events = plan.Events.Select(e => e.Event).ToList();
        var resolved = events.OfType<CaseResolved>().Count();
        var total = plan.ExpectedTotal;
        Assert.Equal(plan.Cases, total.FeedbackItems);
        Assert.Equal(events.OfType<CaseResponded>().Count(), total.FirstResponses);
        Assert.Equal(resolved, total.Resolutions);
        Assert.Equal(plan.Cases - resolved, total.Backlog);
        Assert.Equal(events.OfType<SurveyAnswered>().Count(s => s.SurveyType == SurveyType.Csat), total.Csat);
        Assert.Equal(events.OfType<SurveyAnswered>().Count(s => s.SurveyType == SurveyType.Nps), total.Nps);
        Assert.Equal(events.OfType<SurveyAnswered>().Count(s => s.SurveyType == SurveyType.Ces), total.Ces);
    }

    [Fact]
    public void A_case_counts_for_the_team_of_its_latest_assignment()
    {
        var plan = CasePlanner.Plan(Roster, 3000, Now, new Random(3));
        var owners = plan.Events.Select(e => e.Event).OfType<CaseAssigned>()
            .GroupBy(a => a.CaseId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.AssignedAt)!.TeamId);
        var feedbackByTeam = plan.Events.Select(e => e.Event).OfType<CaseOpened>().GroupBy(c => owners[c.CaseId]).ToDictionary(g => g.Key, g => g.LongCount());
        Assert.All(Roster.Teams, team => Assert.Equal(feedbackByTeam.GetValueOrDefault(team), plan.ExpectedByTeam[team].FeedbackItems));
        Assert.Contains(plan.Events.Select(e => e.Event).OfType<CaseAssigned>(), a => a.PreviousAgentId is not null);
    }

    [Fact]
    public void Resolutions_name_no_agent_so_assignments_show_in_the_team_figures() =>
        Assert.All(CasePlanner.Plan(Roster, 500, Now, new Random(4)).Events.Select(e => e.Event).OfType<CaseResolved>(),
            r => Assert.True(r.AgentId is null && r.TeamId is null));

    [Fact]
    public void Events_are_in_time_order_inside_the_last_hour_window()
    {
        var plan = CasePlanner.Plan(Roster, 1000, Now, new Random(5));
        Assert.Equal(plan.Events.OrderBy(e => e.At).Select(e => e.Event), plan.Events.Select(e => e.Event));
        Assert.All(plan.Events, e => Assert.InRange(e.At, Now.AddMinutes(-5), Now));
    }
}
