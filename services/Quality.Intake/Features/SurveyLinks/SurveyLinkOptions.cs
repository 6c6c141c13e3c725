using System.ComponentModel.DataAnnotations;
using Quality.Contracts.Surveys;

namespace Quality.Intake.Features.SurveyLinks;

/// <summary>
/// The key Notifications signs survey invitation links with (the AppHost sets <c>Intake__Surveys__LinkKey</c>).
/// Without one the link endpoints answer 503: invitations are off, nothing else is affected. During a key
/// rotation the old key stays as <see cref="PreviousLinkKey"/> until every link it signed has expired.
/// </summary>
public sealed class SurveyLinkOptions : IValidatableObject
{
    public const string SectionName = "Intake:Surveys";

    /// <summary>Base64, at least 32 random bytes (<c>openssl rand -base64 32</c>).</summary>
    public string? LinkKey { get; set; }

    /// <summary>The key before <see cref="LinkKey"/>, still accepted for links signed before a rotation.</summary>
    public string? PreviousLinkKey { get; set; }

    /// <summary>Requests a client address may make to the link endpoints per minute, pages and answers together.</summary>
    [Range(1, 100_000)]
    public int PermitsPerMinute { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(PreviousLinkKey) && string.IsNullOrWhiteSpace(LinkKey))
        {
            yield return new ValidationResult("is set without LinkKey: set the current key too", [nameof(PreviousLinkKey)]);
        }

        foreach (var (name, value) in new[] { (nameof(LinkKey), LinkKey), (nameof(PreviousLinkKey), PreviousLinkKey) })
        {
            if (!string.IsNullOrWhiteSpace(value) && Decode(value) is not { Length: >= SurveyLinkToken.MinimumKeyBytes })
            {
                yield return new ValidationResult($"must be at least {SurveyLinkToken.MinimumKeyBytes} random bytes in base64", [name]);
            }
        }
    }

    /// <summary>The keys a link may be signed with, current first; empty when links are not configured.</summary>
    public IReadOnlyList<byte[]> Keys() =>
        [.. new[] { LinkKey, PreviousLinkKey }.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => Convert.FromBase64String(k!))];

    private static byte[]? Decode(string value)
    {
        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
