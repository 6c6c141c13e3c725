namespace Quality.FaultDrills.Reconciliation;

/// <summary>
/// Every accepted item followed end to end: stored once in Intake, a complaint's case opened once in Routing, a fact
/// in Scoring, each complaint's SLA breach fired and alerted once. Each list names what is missing (lost) or there more than once (duplicated): external ids for
/// Intake, feedback ids for the others.
/// </summary>
public sealed record Reconciliation(
    int Accepted,
    int Stored,
    int Complaints,
    IReadOnlyList<string> IntakeLost,
    IReadOnlyList<string> IntakeDuplicated,
    IReadOnlyList<Guid> CasesLost,
    IReadOnlyList<Guid> CasesDuplicated,
    IReadOnlyList<Guid> FactsLost,
    IReadOnlyList<Guid> FactsDuplicated,
    BreachCheck Breaches)
{
    public int Lost => IntakeLost.Count + CasesLost.Count + FactsLost.Count + Breaches.Lost;

    public int Duplicated => IntakeDuplicated.Count + CasesDuplicated.Count + FactsDuplicated.Count + Breaches.Duplicated;
}
