namespace Quality.Routing.Features.Cases;

/// <summary>ListCases' filters; empty strings and zero mean "any".</summary>
public sealed record CaseFilter(
    string FeedbackId = "",
    string Status = "",
    string TeamId = "",
    string AgentId = "",
    int Priority = 0,
    int PageSize = 0,
    string PageToken = "",
    bool? SlaBreached = null);
