using System.ComponentModel.DataAnnotations;

namespace Quality.Notifications.Features.Alerts;

/// <summary>
/// How rule events (SLA warnings and breaches, escalations, goals, surges) are taken in batches, per event type: up
/// to <see cref="MessageLimit"/> at once, or whatever arrived within <see cref="TimeLimit"/> of the first. Under load
/// a batch fills at once and shares one transaction; a lone event waits only the time limit.
/// </summary>
public sealed class AlertBatchOptions
{
    public const string SectionName = "Notifications:Alerts";

    [Range(1, 500)]
    public int MessageLimit { get; set; } = 64;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Batches of one event type taken at once by one replica.</summary>
    [Range(1, 16)]
    public int Concurrency { get; set; } = 2;
}
