namespace Quality.Intake.Features.Search;

/// <summary>ListFeedback's filters; empty strings, zero and null mean "any".</summary>
public sealed record FeedbackFilter
{
    public string Channel { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Category { get; init; } = "";
    public int Severity { get; init; }
    public string Language { get; init; } = "";

    /// <summary>Received at or after.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Received before.</summary>
    public DateTimeOffset? To { get; init; }

    public string CustomerEmail { get; init; } = "";
    public string CustomerPhone { get; init; } = "";
    public string CustomerId { get; init; } = "";
    public int PageSize { get; init; }
    public string PageToken { get; init; } = "";
}
