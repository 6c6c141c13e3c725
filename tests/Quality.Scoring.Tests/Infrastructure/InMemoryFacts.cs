using Quality.Contracts;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
using Quality.Scoring.Features.Facts;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Features.LiveKpis;

namespace Quality.Scoring.Tests.Infrastructure;

/// <summary>
/// Folds events into facts the way the fact tables do: one row per primary key (event id; feedback id; feedback
/// id and survey type; case id for openings), the first copy wins. For KPI math without a database.
/// </summary>
public static class InMemoryFacts
{
    public static KpiFacts From(IEnumerable<IntegrationEvent> events)
    {
        var all = events.ToList();
        return new KpiFacts
        {
            Cases = [.. all.OfType<CaseOpened>().DistinctBy(e => e.CaseId).Select(e => new CaseFact
            {
                CaseId = e.CaseId, FeedbackId = e.FeedbackId, Category = e.Category, Priority = e.Priority, TeamId = e.TeamId, OpenedAt = e.OpenedAt,
            })],
            Assignments = [.. all.OfType<CaseAssigned>().DistinctBy(e => e.EventId).Select(e => new CaseAssignmentFact
            {
                EventId = e.EventId, CaseId = e.CaseId, AgentId = e.AgentId, TeamId = e.TeamId, AssignedAt = e.AssignedAt,
            })],
            Responses = [.. all.OfType<CaseResponded>().DistinctBy(e => e.EventId).Select(e => new CaseResponseFact
            {
                EventId = e.EventId, CaseId = e.CaseId, AgentId = e.AgentId, TeamId = e.TeamId, IsFirstResponse = e.IsFirstResponse,
                ResponseTime = e.ResponseTime, RespondedAt = e.RespondedAt,
            })],
            Resolutions = [.. all.OfType<CaseResolved>().DistinctBy(e => e.EventId).Select(e => new CaseResolutionFact
            {
                EventId = e.EventId, CaseId = e.CaseId, AgentId = e.AgentId, TeamId = e.TeamId, ResolutionTime = e.ResolutionTime,
                FirstContactResolution = e.FirstContactResolution, SlaMet = e.SlaMet, ResolvedAt = e.ResolvedAt,
            })],
            Reopens = [.. all.OfType<CaseReopened>().DistinctBy(e => e.EventId).Select(e => new CaseReopenFact
            {
                EventId = e.EventId, CaseId = e.CaseId, AgentId = e.AgentId, TeamId = e.TeamId, ReopenedAt = e.OccurredAt,
            })],
            Feedback = [.. all.OfType<FeedbackReceived>().DistinctBy(e => e.FeedbackId).Select(e => new FeedbackFact
            {
                FeedbackId = e.FeedbackId, Kind = e.Kind, Category = e.Category, Channel = e.Channel, CaseId = e.CaseId, ReceivedAt = e.ReceivedAt,
            })],
            Surveys = [.. all.OfType<SurveyAnswered>().DistinctBy(e => (e.FeedbackId, e.SurveyType)).Select(e => new SurveyFact
            {
                FeedbackId = e.FeedbackId, SurveyType = e.SurveyType, Score = e.Score, CaseId = e.CaseId, AnsweredAt = e.AnsweredAt,
            })],
        };
    }
}
