using System.ComponentModel.DataAnnotations;

namespace Quality.Routing.Features.Assignment;

public sealed class QueueOptions
{
    public const string SectionName = "Routing:Queue";

    /// <summary>
    /// How often the queue is swept for cases an agent could take. Backfill on freed capacity does the
    /// real work; the sweep catches the case opened while a slot was freed on another replica.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Queued cases looked at per sweep, most urgent first.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How long a case waits in the queue before its optional skills (see <see cref="RelaxLanguage"/> and
    /// <see cref="RelaxChannel"/>) stop keeping it from agents who lack them. The category always counts.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan RelaxAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Whether a case that waited <see cref="RelaxAfter"/> may go to an agent who does not list its channel.
    /// On by default: answering by another channel is a matter of tooling, not of being able to help.
    /// </summary>
    public bool RelaxChannel { get; set; } = true;

    /// <summary>
    /// Whether a case that waited <see cref="RelaxAfter"/> may go to an agent who does not list its language.
    /// Off by default: an answer the customer cannot read is no answer; turn it on where agents have translation.
    /// </summary>
    public bool RelaxLanguage { get; set; }
}
