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
}
