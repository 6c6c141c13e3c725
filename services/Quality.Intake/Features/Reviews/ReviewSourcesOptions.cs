namespace Quality.Intake.Features.Reviews;

/// <summary>The configured review and social sources, by the name used in the webhook URL.</summary>
public sealed class ReviewSourcesOptions
{
    public const string SectionName = "Intake";

    public Dictionary<string, ReviewSourceOptions> ReviewSources { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
