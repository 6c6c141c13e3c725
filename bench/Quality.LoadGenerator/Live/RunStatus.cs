namespace Quality.LoadGenerator.Live;

/// <summary>A moment of the run, for the live view.</summary>
public sealed record RunStatus(
    string Phase,
    double PhaseSeconds,
    long ItemsSent,
    long ItemsStored,
    double ItemsPerSecond,
    long FailedRequests,
    long InFlight,
    long Complaints,
    long Assigned,
    double StoredP99,
    double AssignedP99,
    long KpiPending,
    long Resolved,
    long Surveys,
    long AgentErrors,
    string LoadAverage);
