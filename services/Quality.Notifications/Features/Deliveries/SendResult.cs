namespace Quality.Notifications.Features.Deliveries;

/// <summary>
/// What one send came to. <see cref="Error"/> null means delivered. <see cref="Permanent"/> means retrying
/// cannot help (an SMTP 5xx reply), so the delivery is dead-lettered at once. <see cref="DeferFor"/> means it
/// was not an attempt at all (an open circuit): the delivery waits that long and keeps its attempts.
/// </summary>
public sealed record SendResult(int? StatusCode, string? Error, bool Permanent = false, TimeSpan? DeferFor = null)
{
    public static SendResult Deferred(TimeSpan delay) => new(null, null, DeferFor: delay);
}
