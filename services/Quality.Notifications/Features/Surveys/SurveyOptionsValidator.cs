using Microsoft.Extensions.Options;
using Quality.Contracts.Surveys;

namespace Quality.Notifications.Features.Surveys;

/// <summary>What data annotations cannot say: a usable key, a known survey type and an address customers can open.</summary>
public sealed class SurveyOptionsValidator : IValidateOptions<SurveyOptions>
{
    public ValidateOptionsResult Validate(string? name, SurveyOptions options)
    {
        var key = SurveyOptions.SectionName;
        var failures = new List<string>();
        if (SurveyTypes.Parse(options.SurveyType) is null)
        {
            failures.Add($"Configuration value '{key}:{nameof(SurveyOptions.SurveyType)}' is invalid: '{options.SurveyType}' is not csat, nps or ces.");
        }

        if (!options.IsEnabled)
        {
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        if (string.IsNullOrWhiteSpace(options.LinkKey))
        {
            failures.Add($"Configuration value '{key}:{nameof(SurveyOptions.LinkKey)}' is missing: survey invitations are enabled, and their links must be signed with the key Intake verifies them with (base64 of at least {SurveyLinkToken.MinimumKeyBytes} random bytes).");
        }
        else if (!TryDecode(options.LinkKey, out var length))
        {
            failures.Add($"Configuration value '{key}:{nameof(SurveyOptions.LinkKey)}' is invalid: it is not base64.");
        }
        else if (length < SurveyLinkToken.MinimumKeyBytes)
        {
            failures.Add($"Configuration value '{key}:{nameof(SurveyOptions.LinkKey)}' is invalid: it decodes to {length} bytes; at least {SurveyLinkToken.MinimumKeyBytes} are required.");
        }

        if (string.IsNullOrWhiteSpace(options.LinkBaseUrl))
        {
            failures.Add($"Configuration value '{key}:{nameof(SurveyOptions.LinkBaseUrl)}' is missing: set the address customers reach Intake at, or reference Intake so '{SurveyOptions.IntakeHttpKey}' is known.");
        }
        else if (!Uri.TryCreate(options.LinkBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(url.Query))
        {
            failures.Add($"Configuration value '{key}:{nameof(SurveyOptions.LinkBaseUrl)}' is invalid: '{options.LinkBaseUrl}' is not an absolute http(s) address without a query.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool TryDecode(string text, out int length)
    {
        var buffer = new byte[text.Length];
        var ok = Convert.TryFromBase64String(text.Trim(), buffer, out length);
        return ok;
    }
}
