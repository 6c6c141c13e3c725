using Quality.ServiceDefaults.Errors;

namespace Quality.Routing.Features.Cases;

/// <summary>
/// The legal moves of a case. Closed is final; a resolved case can be reopened (back to the queue) or
/// closed; assigning keeps a case waiting on the customer in that state, so a reassignment does not
/// pretend the customer answered.
/// </summary>
public static class CaseStateMachine
{
    public static CaseStatus Next(CaseStatus from, CaseAction action)
    {
        if (!Allows(from, action))
        {
            throw new ConflictException(Refusal(from, action));
        }

        return action switch
        {
            CaseAction.Assign => from == CaseStatus.PendingCustomer ? CaseStatus.PendingCustomer : CaseStatus.Assigned,
            CaseAction.Respond => from,
            CaseAction.AwaitCustomer => CaseStatus.PendingCustomer,
            CaseAction.CustomerReplied => CaseStatus.Assigned,
            CaseAction.Resolve => CaseStatus.Resolved,
            CaseAction.Reopen or CaseAction.Requeue => CaseStatus.Open,
            _ => CaseStatus.Closed,
        };
    }

    public static bool Allows(CaseStatus from, CaseAction action) =>
        action switch
        {
            CaseAction.Assign => from is CaseStatus.Open or CaseStatus.Assigned or CaseStatus.PendingCustomer,
            CaseAction.Respond => from is CaseStatus.Assigned or CaseStatus.PendingCustomer,
            CaseAction.AwaitCustomer => from is CaseStatus.Assigned,
            CaseAction.CustomerReplied => from is CaseStatus.PendingCustomer,
            CaseAction.Resolve => from is CaseStatus.Open or CaseStatus.Assigned or CaseStatus.PendingCustomer,
            CaseAction.Reopen or CaseAction.Close => from is CaseStatus.Resolved,
            CaseAction.Requeue => from is CaseStatus.Assigned,
            _ => false,
        };

    private static string Refusal(CaseStatus from, CaseAction action)
    {
        var verb = action switch
        {
            CaseAction.Assign => "assign",
            CaseAction.Respond => "record a response on",
            CaseAction.AwaitCustomer => "set pending_customer on",
            CaseAction.CustomerReplied => "set assigned on",
            CaseAction.Resolve => "resolve",
            CaseAction.Reopen => "reopen",
            CaseAction.Requeue => "requeue",
            _ => "close",
        };
        var allowed = string.Join(", ", Enum.GetValues<CaseStatus>().Where(s => Allows(s, action)).Select(s => s.Name()));
        return $"Cannot {verb} a case that is {from.Name()}; allowed only from: {allowed}.";
    }
}
