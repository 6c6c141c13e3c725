using Quality.Contracts;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;

namespace Quality.Scoring.Benchmark.Traffic;

/// <summary>
/// Builds realistic case histories: a feedback item that opens a case (no team yet), its assignment, a first
/// response, sometimes a transfer to another team, usually a resolution, and survey answers after it. Every
/// event moves a count that a team's live KPIs show once the event is folded, so "folded" can be checked
/// exactly: the resolution names no agent (Scoring attributes it through the case's latest assignment), so even
/// an assignment is visible in the team's figures.
/// </summary>
public static class CasePlanner
{
    public const double ResponseShare = 0.9;
    public const double TransferShare = 0.1;
    public const double ResolveShare = 0.8;
    public const double CsatShare = 0.5;
    public const double NpsShare = 0.2;
    public const double CesShare = 0.1;

    private static readonly string[] Categories = ["delivery", "food_quality", "packaging", "refund", "rider", "app"];
    private static readonly string[] Channels = ["api", "email", "survey"];

    /// <summary>Whole cases until at least <paramref name="minimumEvents"/> events, all stamped in the few minutes before <paramref name="now"/>.</summary>
    public static TrafficPlan Plan(TeamRoster roster, int minimumEvents, DateTimeOffset now, Random random)
    {
        var events = new List<PlannedEvent>(minimumEvents + 16);
        var expected = roster.Teams.ToDictionary(t => t, _ => ScopeCounts.Zero, StringComparer.Ordinal);
        var cases = 0;
        while (events.Count < minimumEvents)
        {
            AddCase(roster, now, random, events, expected);
            cases++;
        }

        events.Sort((a, b) => a.At.CompareTo(b.At));
        return new TrafficPlan(events, expected, cases);
    }

    private static void AddCase(TeamRoster roster, DateTimeOffset now, Random random, List<PlannedEvent> events, Dictionary<string, ScopeCounts> expected)
    {
        // Everything happens between 5 and 2 minutes ago (inside last_hour), so the plan is consistent with any publish order.
        var t0 = now.AddMinutes(-5).AddMilliseconds(random.Next(0, 180_000));
        var feedbackId = Guid.NewGuid();
        var caseId = Guid.NewGuid();
        var category = Categories[random.Next(Categories.Length)];
        var channel = Channels[random.Next(Channels.Length)];
        var team = roster.Teams[random.Next(roster.Teams.Count)];
        var agent = Pick(roster.AgentsByTeam[team], random);

        Add(events, new FeedbackReceived
        {
            CorrelationId = feedbackId, OccurredAt = t0, FeedbackId = feedbackId, Channel = channel,
            Kind = random.NextDouble() < 0.7 ? FeedbackKind.Complaint : FeedbackKind.Inquiry, Category = category,
            Severity = random.Next(1, 6), Sentiment = Math.Round(random.NextDouble() * 2 - 1, 2), Language = "zh", ReceivedAt = t0,
        });
        var opened = t0.AddMilliseconds(100);
        Add(events, new CaseOpened
        {
            CorrelationId = feedbackId, OccurredAt = opened, CaseId = caseId, FeedbackId = feedbackId, Category = category,
            Priority = random.Next(1, 4), Severity = random.Next(1, 6), Channel = channel, Language = "zh", OpenedAt = opened,
        });
        var assigned = t0.AddSeconds(1);
        Add(events, new CaseAssigned
        {
            CorrelationId = feedbackId, OccurredAt = assigned, CaseId = caseId, AgentId = agent, TeamId = team, AssignedBy = "system", AssignedAt = assigned,
        });

        if (random.NextDouble() < ResponseShare)
        {
            var responded = t0.AddSeconds(random.Next(5, 30));
            Add(events, new CaseResponded
            {
                CorrelationId = feedbackId, OccurredAt = responded, CaseId = caseId, AgentId = agent, TeamId = team, IsFirstResponse = true,
                ResponseTime = TimeSpan.FromSeconds(random.Next(30, 1800)), RespondedAt = responded,
            });
            expected[team] = expected[team] with { FirstResponses = expected[team].FirstResponses + 1 };
        }

        var owner = team;
        if (roster.Teams.Count > 1 && random.NextDouble() < TransferShare)
        {
            owner = roster.Teams.Where(t => t != team).ElementAt(random.Next(roster.Teams.Count - 1));
            var transferred = t0.AddSeconds(35);
            Add(events, new CaseAssigned
            {
                CorrelationId = feedbackId, OccurredAt = transferred, CaseId = caseId, AgentId = Pick(roster.AgentsByTeam[owner], random), TeamId = owner,
                PreviousAgentId = agent, AssignedBy = "supervisor", AssignedAt = transferred,
            });
        }

        var counts = expected[owner] with { FeedbackItems = expected[owner].FeedbackItems + 1 };
        if (random.NextDouble() < ResolveShare)
        {
            var resolved = t0.AddSeconds(random.Next(40, 90));
            Add(events, new CaseResolved
            {
                CorrelationId = feedbackId, OccurredAt = resolved, CaseId = caseId, FeedbackId = feedbackId,
                ResolutionTime = TimeSpan.FromSeconds(random.Next(300, 28_800)), FirstContactResolution = random.NextDouble() < 0.6,
                SlaMet = random.NextDouble() < 0.85, ResolvedAt = resolved,
            });
            counts = counts with { Resolutions = counts.Resolutions + 1 };
            if (random.NextDouble() < CsatShare)
            {
                AddSurvey(events, feedbackId, caseId, SurveyType.Csat, random.NextDouble() < 0.75 ? random.Next(4, 6) : random.Next(1, 4), resolved.AddSeconds(5));
                counts = counts with { Csat = counts.Csat + 1 };
            }

            if (random.NextDouble() < NpsShare)
            {
                AddSurvey(events, feedbackId, caseId, SurveyType.Nps, random.Next(0, 11), resolved.AddSeconds(6));
                counts = counts with { Nps = counts.Nps + 1 };
            }

            if (random.NextDouble() < CesShare)
            {
                AddSurvey(events, feedbackId, caseId, SurveyType.Ces, random.Next(1, 8), resolved.AddSeconds(7));
                counts = counts with { Ces = counts.Ces + 1 };
            }
        }
        else
        {
            counts = counts with { Backlog = counts.Backlog + 1 };
        }

        expected[owner] = counts;
    }

    private static void AddSurvey(List<PlannedEvent> events, Guid correlationId, Guid caseId, SurveyType type, int score, DateTimeOffset at) =>
        Add(events, new SurveyAnswered
        {
            // A survey answer is a feedback item of its own.
            CorrelationId = correlationId, OccurredAt = at, FeedbackId = Guid.NewGuid(), SurveyType = type, Score = score, CaseId = caseId, AnsweredAt = at,
        });

    private static void Add(List<PlannedEvent> events, IntegrationEvent e) => events.Add(new PlannedEvent(e, e.OccurredAt));

    private static string Pick(IReadOnlyList<string> items, Random random) => items[random.Next(items.Count)];
}
