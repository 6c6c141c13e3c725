using Quality.Benchmarking.Corpus;
using Quality.Contracts.Intake;

namespace Quality.Routing.Benchmark.Broker;

/// <summary>
/// The complaints a run publishes, shaped like Intake's: real review text as the summary, one customer per
/// complaint (so none joins another's case, yet the repeat lookup runs as in production), severity 1–3 and
/// sentiment above −0.8 so no complaint starts the escalation ladder on arrival: the figures are about opening,
/// routing and timers.
/// </summary>
public sealed class ComplaintFactory(ReviewCorpus corpus, string runId)
{
    /// <summary>Categories Intake's classifier gives (services/Quality.Intake/Classification/lexicon.json).</summary>
    public static readonly IReadOnlyList<string> Categories = ["delivery", "product_quality", "billing", "service_attitude", "technical", "other"];

    public static readonly IReadOnlyList<string> Languages = ["zh", "en"];

    private readonly Random _random = new(20261124);

    public ComplaintRaised Create(int index, string channel, string? category = null)
    {
        var feedbackId = Guid.CreateVersion7();
        var review = corpus[index % corpus.Count];
        return new ComplaintRaised
        {
            CorrelationId = feedbackId,
            FeedbackId = feedbackId,
            Channel = channel,
            Category = category ?? Categories[index % Categories.Count],
            Severity = 1 + (index % 3),
            Sentiment = -0.2 - 0.5 * _random.NextDouble(),
            Language = Languages[index % Languages.Count],
            CustomerKey = $"rb-{runId}-{index}",
            CustomerTier = index % 10 == 0 ? "vip" : "standard",
            Summary = review.Text.Length <= 120 ? review.Text : review.Text[..120],
            ReceivedAt = DateTimeOffset.UtcNow,
        };
    }
}
