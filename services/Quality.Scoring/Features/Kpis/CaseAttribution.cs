using Quality.Scoring.Features.Facts;
using Quality.Scoring.Features.LiveKpis;

namespace Quality.Scoring.Features.Kpis;

/// <summary>
/// Who a case belongs to: the agent and team of its latest assignment fact (by assignment time, not arrival),
/// falling back to the team it was opened for. Worked out when KPIs are read, so facts may arrive in any order.
/// </summary>
public sealed class CaseAttribution
{
    private readonly Dictionary<Guid, CaseAssignmentFact> _latest;
    private readonly Dictionary<Guid, CaseFact> _cases;
    private readonly Dictionary<Guid, Guid> _caseByFeedback;

    public CaseAttribution(KpiFacts facts)
    {
        _latest = facts.Assignments
            .GroupBy(a => a.CaseId)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.AssignedAt).ThenBy(a => a.EventId).Last());
        _cases = facts.Cases.ToDictionary(c => c.CaseId);
        _caseByFeedback = facts.Cases.GroupBy(c => c.FeedbackId).ToDictionary(g => g.Key, g => g.First().CaseId);
    }

    public (string? AgentId, string? TeamId) Of(Guid caseId)
    {
        _latest.TryGetValue(caseId, out var assignment);
        _cases.TryGetValue(caseId, out var opened);
        return (assignment?.AgentId, assignment?.TeamId ?? opened?.TeamId);
    }

    /// <summary>
    /// An event that names its agent or team is attributed by those ids (an event that arrives before the
    /// assignment is still counted for the right person); what it leaves out comes from the case.
    /// </summary>
    public (string? AgentId, string? TeamId) Of(Guid caseId, string? agentId, string? teamId)
    {
        var (caseAgent, caseTeam) = Of(caseId);
        return (agentId ?? caseAgent, teamId ?? caseTeam);
    }

    /// <summary>A feedback item's case: the one it names, else the case opened from it.</summary>
    public Guid? CaseOfFeedback(FeedbackFact feedback) =>
        feedback.CaseId ?? (_caseByFeedback.TryGetValue(feedback.FeedbackId, out var caseId) ? caseId : null);
}
