namespace Quality.Routing.Features.Cases;

/// <summary>ListCases' filters; empty strings, zero and null mean "any". Escalated: climbing, waiting for an acknowledgement.</summary>
public sealed record CaseFilter(
    string FeedbackId = "",
    string Status = "",
    string TeamId = "",
    string AgentId = "",
    int Priority = 0,
    int PageSize = 0,
    string PageToken = "",
    bool? SlaBreached = null,
    bool? Escalated = null);
