using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Quality.Contracts.Intake;

namespace Quality.Contracts.Surveys;

/// <summary>
/// The wire format of a survey invitation link's token, shared by Notifications (which signs) and Intake (which
/// verifies): <c>base64url(payload) "." base64url(HMAC-SHA256(key, payload))</c>, unpadded, where payload is the
/// UTF-8 of <c>v1|{caseId:N}|{feedbackId:N}|{csat|nps|ces}|{expiry Unix seconds}|{nonce}</c>. The token is the customer's only
/// credential, so it names nothing personal and is useless once expired or used.
/// </summary>
public static class SurveyLinkToken
{
    private const string Version = "v1";
    private const int NonceBytes = 16;
    public const int MinimumKeyBytes = 32;

    public static string Create(ReadOnlySpan<byte> key, Guid caseId, Guid feedbackId, SurveyType type, DateTimeOffset expiresAt)
    {
        RequireKey(key);
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(NonceBytes));
        var payload = Encoding.UTF8.GetBytes(string.Join('|',
            Version, caseId.ToString("N"), feedbackId.ToString("N"), TypeName(type), expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), nonce));
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, payload))}";
    }

    /// <summary>
    /// Reads a token signed with any of <paramref name="keys"/> (the current one and, during a rotation, the one
    /// before). Expiry is the caller's to check against its own clock. On failure, <paramref name="error"/> says
    /// why in words fit for the person holding the link.
    /// </summary>
    public static bool TryRead(string? token, IEnumerable<byte[]> keys, out SurveyLink? link, out string error)
    {
        link = null;
        var dot = token?.LastIndexOf('.') ?? -1;
        if (token is null || dot <= 0 || token.Length > 512)
        {
            error = "the survey link is incomplete or damaged";
            return false;
        }

        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            error = "the survey link is incomplete or damaged";
            return false;
        }

        if (!keys.Any(key => CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), signature)))
        {
            error = "the survey link was not issued by this service";
            return false;
        }

        var parts = Encoding.UTF8.GetString(payload).Split('|');
        if (parts.Length != 6 || parts[0] != Version
            || !Guid.TryParseExact(parts[1], "N", out var caseId)
            || !Guid.TryParseExact(parts[2], "N", out var feedbackId)
            || ParseType(parts[3]) is not { } type
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
            || parts[5].Length == 0)
        {
            error = "the survey link is of a format this service does not know";
            return false;
        }

        link = new SurveyLink(caseId, feedbackId, type, DateTimeOffset.FromUnixTimeSeconds(expiry), parts[5]);
        error = "";
        return true;
    }

    private static void RequireKey(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"a survey link key needs at least {MinimumKeyBytes} bytes, not {key.Length}", nameof(key));
        }
    }

    private static string TypeName(SurveyType type) => type switch
    {
        SurveyType.Csat => "csat",
        SurveyType.Nps => "nps",
        SurveyType.Ces => "ces",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown survey type"),
    };

    private static SurveyType? ParseType(string name) => name switch
    {
        "csat" => SurveyType.Csat,
        "nps" => SurveyType.Nps,
        "ces" => SurveyType.Ces,
        _ => null,
    };
}
