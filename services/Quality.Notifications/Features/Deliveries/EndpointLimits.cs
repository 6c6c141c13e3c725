namespace Quality.Notifications.Features.Deliveries;

/// <summary>
/// Per-endpoint isolation: at most <see cref="MaxInFlight"/> sends in flight to one endpoint (across replicas),
/// and a circuit that opens after <see cref="FailureThreshold"/> consecutive receiver failures, stops that
/// endpoint being claimed for <see cref="BreakDuration"/>, then lets one probe through.
/// </summary>
public sealed record EndpointLimits(int MaxInFlight, int FailureThreshold, TimeSpan BreakDuration);
