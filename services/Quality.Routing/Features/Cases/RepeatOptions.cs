using System.ComponentModel.DataAnnotations;

namespace Quality.Routing.Features.Cases;

public sealed class RepeatOptions
{
    public const string SectionName = "Routing:Repeats";

    /// <summary>
    /// A complaint from the same customer on the same category joins their unresolved case when that case's
    /// latest complaint is at most this old; otherwise it opens a case of its own.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(7);
}
