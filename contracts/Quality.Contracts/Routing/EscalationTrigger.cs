namespace Quality.Contracts.Routing;

public enum EscalationTrigger
{
    SlaBreach = 1,
    CriticalSeverity = 2,
    RepeatedComplaints = 3,
    NegativeSentiment = 4,
    NotAcknowledged = 5,
}
