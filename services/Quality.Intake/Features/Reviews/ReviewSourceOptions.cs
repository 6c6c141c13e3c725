namespace Quality.Intake.Features.Reviews;

/// <summary>
/// Where one review or social source puts each field in its webhook payload, as JSON paths. Adding a
/// source is configuration (<c>Intake:ReviewSources:{name}</c>), not code.
/// </summary>
public sealed class ReviewSourceOptions
{
    /// <summary>The source's id of the review or post; required in every payload (the idempotency key).</summary>
    public string? ExternalId { get; set; }

    /// <summary>The review text. A payload may leave it out only when it has a rating.</summary>
    public string? Text { get; set; }

    public string? Rating { get; set; }

    public RatingScaleOptions RatingScale { get; set; } = new();

    /// <summary>The reviewer's display name: contact data, stored encrypted.</summary>
    public string? Author { get; set; }

    /// <summary>When the review was written: an ISO 8601 string or Unix seconds.</summary>
    public string? CreatedAt { get; set; }

    /// <summary>A language tag (zh, zh-TW, en-GB …); when absent the classifier detects the language.</summary>
    public string? Language { get; set; }
}
