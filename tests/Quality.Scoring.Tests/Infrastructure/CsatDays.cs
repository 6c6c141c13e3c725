using Quality.Contracts;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;

namespace Quality.Scoring.Tests.Infrastructure;

/// <summary>
/// A team's CSAT answers day by day: one case opened for the team at <see cref="Start"/>, and on day i
/// <c>answers</c> CSAT answers on it at noon, the first <c>satisfied[i]</c> of them scoring 5, the rest 1.
/// </summary>
public sealed class CsatDays
{
    public CsatDays(DateTimeOffset start, int answers, params int[] satisfied)
    {
        Start = start;
        Team = $"team-g-{Guid.NewGuid():N}"[..20];
        var caseId = Guid.CreateVersion7();
        var events = new List<IntegrationEvent>
        {
            new CaseOpened
            {
                CorrelationId = caseId, CaseId = caseId, FeedbackId = Guid.CreateVersion7(), Category = "delivery", Priority = 2, Severity = 2,
                Channel = "api", Language = "en", TeamId = Team, OpenedAt = start,
            },
        };
        for (var day = 0; day < satisfied.Length; day++)
        {
            for (var i = 0; i < answers; i++)
            {
                var feedback = Guid.CreateVersion7();
                events.Add(new SurveyAnswered
                {
                    CorrelationId = feedback, FeedbackId = feedback, CaseId = caseId, SurveyType = SurveyType.Csat,
                    Score = i < satisfied[day] ? 5 : 1, AnsweredAt = start.AddDays(day).AddHours(12).AddMinutes(i),
                });
            }
        }

        Events = events;
    }

    public DateTimeOffset Start { get; }
    public string Team { get; }
    public IReadOnlyList<IntegrationEvent> Events { get; }
}
