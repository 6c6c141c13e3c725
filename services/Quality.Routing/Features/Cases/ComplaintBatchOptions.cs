using System.ComponentModel.DataAnnotations;

namespace Quality.Routing.Features.Cases;

/// <summary>
/// How complaints are taken in batches: up to <see cref="MessageLimit"/> at once, or whatever arrived within
/// <see cref="TimeLimit"/> of the first. Under load a batch fills at once and shares its round trips to the
/// database; a lone complaint waits only the time limit.
/// </summary>
public sealed class ComplaintBatchOptions
{
    public const string SectionName = "Routing:Complaints";

    [Range(1, 500)]
    public int MessageLimit { get; set; } = 64;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Batches opened at once by one replica; each holds the agents it assigns until it commits.</summary>
    [Range(1, 16)]
    public int Concurrency { get; set; } = 2;
}
