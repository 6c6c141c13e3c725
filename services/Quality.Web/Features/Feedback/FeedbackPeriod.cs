namespace Quality.Web.Features.Feedback;

/// <summary>The periods the feedback view counts over, each ending now; an unknown name (a crafted address) means the first.</summary>
public sealed record FeedbackPeriod(string Name, TimeSpan Length)
{
    public static readonly IReadOnlyList<FeedbackPeriod> All =
    [
        new("last_24h", TimeSpan.FromHours(24)),
        new("last_hour", TimeSpan.FromHours(1)),
        new("last_7d", TimeSpan.FromDays(7)),
        new("last_30d", TimeSpan.FromDays(30)),
    ];

    public static FeedbackPeriod Named(string? name) => All.FirstOrDefault(p => p.Name == name) ?? All[0];

    public DateTimeOffset StartBefore(DateTimeOffset now) => now - Length;
}
