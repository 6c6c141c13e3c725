using Quality.Contracts;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;

namespace Quality.Scoring.Tests.Infrastructure;

/// <summary>
/// A small day of events, in a deliberately awkward arrival order and with duplicates, whose KPIs are worked
/// out by hand in docs comments of the tests. Ids carry a suffix and the day is chosen by the caller, so runs
/// against a shared database do not see each other.
///
/// Team T (agents A1, A2) and team U (agent B1); the day is [T0, T0 + 1 d):
///   C1 T/A1 opened 01:00, first response 10 min, resolved 02:00 (1 h, FCR, SLA met).
///   C2 T/A2 opened 01:00, first response 30 min, resolved 05:00 (4 h, no FCR, SLA missed; the event names no
///      agent or team: attributed through its assignment), reopened 06:00: open at the end.
///   C3 T/A1 opened 03:00, resolved 04:00 (2 h, FCR, SLA met); resolution arrives before assignment and opening.
///   C4 U/B1 opened 04:00, first response 1 h, never resolved.
///   C5 T, never assigned, opened 05:00.
///   C6 T/A2 opened and resolved the day before: outside the period, not in the backlog.
/// Surveys: CSAT C1 5, C2 2, C3 4, C4 5, none 3; NPS C1 10, C2 0, C3 9, C4 9, none 6; CES C1 2, C3 4, C4 6.
/// Feedback: F1–F5 complaints (cases C1–C5; F3 names no case and is linked through C3's opening), F6 praise,
/// F7 suggestion, F8 a complaint the day before.
/// </summary>
public sealed class FixedHistory
{
    public FixedHistory(DateTimeOffset t0, string? suffix = null)
    {
        T0 = t0;
        var s = suffix ?? Guid.NewGuid().ToString("N")[..8];
        TeamT = $"team-t-{s}";
        TeamU = $"team-u-{s}";
        A1 = $"a1-{s}";
        A2 = $"a2-{s}";
        B1 = $"b1-{s}";
        Events = Build();
    }

    public DateTimeOffset T0 { get; }
    public string TeamT { get; }
    public string TeamU { get; }
    public string A1 { get; }
    public string A2 { get; }
    public string B1 { get; }

    /// <summary>In the order they are delivered, duplicates included.</summary>
    public IReadOnlyList<IntegrationEvent> Events { get; }

    private DateTimeOffset At(double hours) => T0.AddHours(hours);

    private List<IntegrationEvent> Build()
    {
        var c = Enumerable.Range(0, 7).Select(_ => Guid.CreateVersion7()).ToArray();
        var f = Enumerable.Range(0, 9).Select(_ => Guid.CreateVersion7()).ToArray();

        var resolvedC1 = Resolved(c[1], f[1], A1, TeamT, at: 2, hours: 1, fcr: true, sla: true);
        var assignedC1 = Assigned(c[1], A1, TeamT, 1);
        var csatC1 = Survey(f[1], c[1], SurveyType.Csat, 5, 2.5);

        return
        [
            // C3 arrives backwards: resolution, then assignment, then opening.
            Resolved(c[3], f[3], A1, TeamT, at: 4, hours: 2, fcr: true, sla: true),
            Assigned(c[3], A1, TeamT, 3),
            Opened(c[3], f[3], TeamT, 3),

            Opened(c[1], f[1], TeamT, 1),
            assignedC1,
            Responded(c[1], A1, TeamT, at: 1 + 10 / 60.0, minutes: 10),
            resolvedC1,
            resolvedC1,
            assignedC1,

            Opened(c[2], f[2], TeamT, 1),
            Assigned(c[2], A2, TeamT, 1 + 5 / 60.0),
            Responded(c[2], A2, null, at: 1.5 + 5 / 60.0, minutes: 30),
            Resolved(c[2], f[2], null, null, at: 5, hours: 4, fcr: false, sla: false),
            new CaseReopened { CorrelationId = f[2], CaseId = c[2], ReopenedBy = "customer", OccurredAt = At(6) },

            Opened(c[4], f[4], TeamU, 4),
            Assigned(c[4], B1, TeamU, 4),
            Responded(c[4], B1, TeamU, at: 5, minutes: 60),

            Opened(c[5], f[5], TeamT, 5),

            Opened(c[6], f[6], TeamT, -1),
            Assigned(c[6], A2, TeamT, -1),
            Resolved(c[6], f[6], A2, TeamT, at: -0.5, hours: 0.5, fcr: true, sla: true),

            csatC1,
            csatC1,
            // The same answer announced again under a new event id: still one answer.
            csatC1 with { EventId = Guid.CreateVersion7() },
            Survey(f[2], c[2], SurveyType.Csat, 2, 6),
            Survey(f[3], c[3], SurveyType.Csat, 4, 5),
            Survey(f[4], c[4], SurveyType.Csat, 5, 7),
            Survey(f[7], null, SurveyType.Csat, 3, 8),
            Survey(f[1], c[1], SurveyType.Nps, 10, 3),
            Survey(f[2], c[2], SurveyType.Nps, 0, 6),
            Survey(f[3], c[3], SurveyType.Nps, 9, 5),
            Survey(f[4], c[4], SurveyType.Nps, 9, 7),
            Survey(f[7], null, SurveyType.Nps, 6, 8),
            Survey(f[1], c[1], SurveyType.Ces, 2, 3),
            Survey(f[3], c[3], SurveyType.Ces, 4, 5),
            Survey(f[4], c[4], SurveyType.Ces, 6, 7),

            Feedback(f[1], FeedbackKind.Complaint, c[1], 1),
            Feedback(f[2], FeedbackKind.Complaint, c[2], 1),
            Feedback(f[3], FeedbackKind.Complaint, null, 3),
            Feedback(f[4], FeedbackKind.Complaint, c[4], 4),
            Feedback(f[5], FeedbackKind.Complaint, c[5], 5),
            Feedback(f[7], FeedbackKind.Praise, null, 8),
            Feedback(f[8], FeedbackKind.Suggestion, null, 9),
            Feedback(f[6], FeedbackKind.Complaint, c[6], -1),
        ];
    }

    private CaseOpened Opened(Guid caseId, Guid feedbackId, string team, double at) => new()
    {
        CorrelationId = feedbackId, CaseId = caseId, FeedbackId = feedbackId, Category = "delivery", Priority = 2, Severity = 2,
        Channel = "api", Language = "en", TeamId = team, OpenedAt = At(at),
    };

    private CaseAssigned Assigned(Guid caseId, string agent, string team, double at) => new()
    {
        CorrelationId = caseId, CaseId = caseId, AgentId = agent, TeamId = team, AssignedBy = "system", AssignedAt = At(at),
    };

    private CaseResponded Responded(Guid caseId, string agent, string? team, double at, double minutes) => new()
    {
        CorrelationId = caseId, CaseId = caseId, AgentId = agent, TeamId = team, IsFirstResponse = true,
        ResponseTime = TimeSpan.FromMinutes(minutes), RespondedAt = At(at),
    };

    private CaseResolved Resolved(Guid caseId, Guid feedbackId, string? agent, string? team, double at, double hours, bool fcr, bool sla) => new()
    {
        CorrelationId = feedbackId, CaseId = caseId, FeedbackId = feedbackId, AgentId = agent, TeamId = team,
        ResolutionTime = TimeSpan.FromHours(hours), FirstContactResolution = fcr, SlaMet = sla, ResolvedAt = At(at),
    };

    private SurveyAnswered Survey(Guid feedbackId, Guid? caseId, SurveyType type, int score, double at) => new()
    {
        CorrelationId = feedbackId, FeedbackId = feedbackId, CaseId = caseId, SurveyType = type, Score = score, AnsweredAt = At(at),
    };

    private FeedbackReceived Feedback(Guid feedbackId, FeedbackKind kind, Guid? caseId, double at) => new()
    {
        CorrelationId = feedbackId, FeedbackId = feedbackId, Channel = "api", Kind = kind, Category = "delivery", Severity = 2,
        Sentiment = -0.5, Language = "en", CaseId = caseId, ReceivedAt = At(at),
    };
}
