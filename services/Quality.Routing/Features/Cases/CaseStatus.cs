namespace Quality.Routing.Features.Cases;

public enum CaseStatus
{
    Open = 1,
    Assigned = 2,
    PendingCustomer = 3,
    Resolved = 4,
    Closed = 5,
}
