namespace Quality.Notifications.Features.Deliveries;

/// <summary>
/// What one send came to. <see cref="Error"/> null means delivered. <see cref="Permanent"/> means retrying
/// cannot help (an SMTP 5xx reply), so the delivery is dead-lettered at once. <see cref="DeferFor"/> means it
/// was not an attempt at all: the delivery waits that long and keeps its attempts. <see cref="EndpointFault"/>
/// means the receiver itself is in trouble (timeout, refused connection, 5xx, 408, 429), which counts towards
/// opening its endpoint's circuit; any other answer, even a 4xx, shows the endpoint is up.
/// </summary>
public sealed record SendResult(int? StatusCode, string? Error, bool Permanent = false, TimeSpan? DeferFor = null, bool EndpointFault = false)
{
    public static SendResult Deferred(TimeSpan delay) => new(null, null, DeferFor: delay);
}
