using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Quality.Intake.Features.Reviews;

/// <summary>Checks every declared source at start, naming the configuration key to fix.</summary>
public sealed partial class ReviewSourcesValidator : IValidateOptions<ReviewSourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, ReviewSourcesOptions options)
    {
        var failures = new List<string>();
        foreach (var (source, mapping) in options.ReviewSources)
        {
            var key = $"{ReviewSourcesOptions.SectionName}:ReviewSources:{source}";
            if (!SourceName().IsMatch(source))
            {
                failures.Add($"Configuration key '{key}' is invalid: a source name is 1 to 40 lowercase letters, digits or '-' (it is part of the webhook URL).");
            }

            if (mapping.ExternalId is null)
            {
                failures.Add($"Configuration value '{key}:ExternalId' is missing: the JSON path of the review's id.");
            }

            if (mapping.Text is null && mapping.Rating is null)
            {
                failures.Add($"Configuration value '{key}:Text' is missing: map the text, the rating, or both.");
            }

            foreach (var (field, path) in Paths(mapping))
            {
                if (path is not null && !JsonPath.TryParse(path, out _, out var error))
                {
                    failures.Add($"Configuration value '{key}:{field}' is invalid: '{path}' {error}.");
                }
            }

            var scale = mapping.RatingScale;
            if (mapping.Rating is not null && !(scale.Min < scale.Max && scale.ComplaintAtOrBelow >= scale.Min && scale.ComplaintAtOrBelow < scale.Max))
            {
                failures.Add($"Configuration value '{key}:RatingScale' is invalid: needs Min < Max and Min <= ComplaintAtOrBelow < Max.");
            }

            foreach (var (word, value) in scale.Values)
            {
                if (value < scale.Min || value > scale.Max)
                {
                    failures.Add($"Configuration value '{key}:RatingScale:Values:{word}' is invalid: {value} is outside {scale.Min}–{scale.Max}.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static IEnumerable<(string Field, string? Path)> Paths(ReviewSourceOptions mapping) =>
    [
        (nameof(mapping.ExternalId), mapping.ExternalId),
        (nameof(mapping.Text), mapping.Text),
        (nameof(mapping.Rating), mapping.Rating),
        (nameof(mapping.Author), mapping.Author),
        (nameof(mapping.CreatedAt), mapping.CreatedAt),
        (nameof(mapping.Language), mapping.Language),
    ];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex SourceName();
}
