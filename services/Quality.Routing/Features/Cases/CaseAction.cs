namespace Quality.Routing.Features.Cases;

/// <summary>What someone does to a case; the state machine decides which statuses allow it.</summary>
public enum CaseAction
{
    Assign,
    Respond,
    AwaitCustomer,
    CustomerReplied,
    Resolve,
    Reopen,
    Close,

    /// <summary>Back to the queue from an agent who cannot answer it (went offline before a first response).</summary>
    Requeue,
}
