using System.ComponentModel.DataAnnotations;

namespace Quality.Messaging.Batching;

/// <summary>
/// How a consumer takes messages in batches: up to <see cref="MessageLimit"/> at once, or whatever arrived within
/// <see cref="TimeLimit"/> of the first, <see cref="Concurrency"/> batches at a time per replica. Under load a batch
/// fills at once and shares one transaction; a lone message waits only the time limit. Each service binds its own
/// section (e.g. <c>Routing:Complaints</c>).
/// </summary>
public abstract class MessageBatchOptions
{
    [Range(1, 1_000)]
    public int MessageLimit { get; set; } = 64;

    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMilliseconds(5);

    [Range(1, 64)]
    public int Concurrency { get; set; } = 2;

    /// <summary>Messages a queue must let in at once so that every concurrent batch can fill.</summary>
    public int ConcurrentMessages => MessageLimit * Concurrency;
}
