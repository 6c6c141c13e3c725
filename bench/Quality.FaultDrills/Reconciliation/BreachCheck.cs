namespace Quality.FaultDrills.Reconciliation;

/// <summary>
/// The drill's complaints' SLA breaches, by case id: cases whose breach never fired or fired twice in Routing, and
/// breaches Notifications never alerted or alerted twice.
/// </summary>
public sealed record BreachCheck(
    int Breached,
    IReadOnlyList<Guid> NotBreached,
    IReadOnlyList<Guid> BreachedTwice,
    IReadOnlyList<Guid> NotAlerted,
    IReadOnlyList<Guid> AlertedTwice)
{
    /// <summary>No breach rule: nothing checked.</summary>
    public static readonly BreachCheck None = new(0, [], [], [], []);

    public int Lost => NotBreached.Count + NotAlerted.Count;

    public int Duplicated => BreachedTwice.Count + AlertedTwice.Count;
}
