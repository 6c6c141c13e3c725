namespace Quality.Notifications.Features.Deliveries;

/// <summary>
/// A receiving endpoint that has failed recently: a row exists only while it is in trouble, shared by every
/// replica through the claim query. Closed (under the threshold), open (<see cref="OpenUntil"/> in the future:
/// its deliveries are not claimed at all) or half-open (<see cref="OpenUntil"/> passed: one probe at a time).
/// A success removes the row.
/// </summary>
public sealed class EndpointCircuit
{
    public required string Endpoint { get; init; }
    public int ConsecutiveFailures { get; set; }
    public DateTimeOffset? OpenUntil { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
