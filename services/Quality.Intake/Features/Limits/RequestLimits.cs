using Microsoft.Extensions.Options;
using Quality.Intake.Features.Imports;

namespace Quality.Intake.Features.Limits;

/// <summary>The bytes a <see cref="BodyLimit"/> allows and the configuration key that sets it, for the 413's message.</summary>
public sealed class RequestLimits(IOptions<RequestLimitsOptions> limits, IOptions<ImportOptions> imports)
{
    private const string Section = RequestLimitsOptions.SectionName;

    public (long Bytes, string Key) For(BodyLimit limit) => limit switch
    {
        BodyLimit.Json => (limits.Value.JsonBytes, $"{Section}:{nameof(RequestLimitsOptions.JsonBytes)}"),
        BodyLimit.Transcript => (limits.Value.TranscriptBytes, $"{Section}:{nameof(RequestLimitsOptions.TranscriptBytes)}"),
        BodyLimit.Batch => (limits.Value.BatchBytes, $"{Section}:{nameof(RequestLimitsOptions.BatchBytes)}"),
        BodyLimit.Email => (limits.Value.EmailBytes, $"{Section}:{nameof(RequestLimitsOptions.EmailBytes)}"),
        // Base64 is 4 bytes per 3, plus the JSON around it.
        BodyLimit.InboundEmail => (limits.Value.EmailBytes / 3 * 4 + 64 * 1024, $"{Section}:{nameof(RequestLimitsOptions.EmailBytes)}"),
        BodyLimit.Import => (imports.Value.MaxUploadBytes, $"{ImportOptions.SectionName}:{nameof(ImportOptions.MaxUploadBytes)}"),
        _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, null),
    };
}
