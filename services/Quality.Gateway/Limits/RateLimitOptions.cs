using System.ComponentModel.DataAnnotations;

namespace Quality.Gateway.Limits;

/// <summary>
/// How many API calls each caller may make (<c>Gateway:RateLimits</c>): a fixed window of <see cref="PermitLimit"/>
/// requests per <see cref="Window"/>, with up to <see cref="QueueLimit"/> more waiting for the next window before
/// the rest are answered 429. A caller is a channel's API key, else a person's token subject, else a client address.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Gateway:RateLimits";

    /// <summary>100 a second on average: a busy channel posting one item at a time, or a person's whole team page.</summary>
    [Range(1, int.MaxValue)]
    public int PermitLimit { get; set; } = 1000;

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);

    [Range(0, int.MaxValue)]
    public int QueueLimit { get; set; }
}
