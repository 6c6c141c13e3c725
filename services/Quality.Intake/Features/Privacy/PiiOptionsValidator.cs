using Microsoft.Extensions.Options;

namespace Quality.Intake.Features.Privacy;

/// <summary>Fails at start naming the key to fix; an absent section is valid (no contact data is stored).</summary>
public sealed class PiiOptionsValidator : IValidateOptions<PiiOptions>
{
    public ValidateOptionsResult Validate(string? name, PiiOptions options)
    {
        if (options.Keys.Count == 0 && options.ActiveKeyId is null && options.LookupKey is null)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        foreach (var (id, key) in options.Keys)
        {
            if (id.Length is 0 or > 40)
            {
                failures.Add($"Configuration key '{PiiOptions.SectionName}:Keys:{id}' is invalid: a key id is 1 to 40 characters.");
            }

            if (Decode(key) is not { Length: 32 })
            {
                failures.Add($"Configuration value '{PiiOptions.SectionName}:Keys:{id}' is invalid: it must be 32 random bytes in base64 (openssl rand -base64 32).");
            }
        }

        if (options.ActiveKeyId is null || !options.Keys.ContainsKey(options.ActiveKeyId))
        {
            failures.Add($"Configuration value '{PiiOptions.SectionName}:ActiveKeyId' is invalid: it must name one of {PiiOptions.SectionName}:Keys.");
        }

        if (Decode(options.LookupKey) is not { Length: >= 32 })
        {
            failures.Add($"Configuration value '{PiiOptions.SectionName}:LookupKey' is invalid: it must be at least 32 random bytes in base64.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static byte[]? Decode(string? base64)
    {
        try
        {
            return base64 is null ? null : Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
