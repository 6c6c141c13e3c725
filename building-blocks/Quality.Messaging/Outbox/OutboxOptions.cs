using System.ComponentModel.DataAnnotations;

namespace Quality.Messaging.Outbox;

public sealed class OutboxOptions
{
    public const string SectionName = "Messaging:Outbox";

    /// <summary>How often the relay sweeps for events a crash or a broker outage left unpublished.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Events published per transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// How long a batch may wait for the broker's confirms. A broker that dies mid-publish can leave the publish
    /// waiting for ever; past this the batch is rolled back and retried, so the relay cannot hang with its rows locked.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the oldest unpublished event may wait before the service's health says Degraded. A bulk import's
    /// backlog can pass it while draining: the health then says so truthfully.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DegradedAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long published events and inbox receipts are kept. Inbox receipts must outlive any redelivery.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
