using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Quality.Benchmarking.Webhooks;

/// <summary>
/// The receiver's side of the README's scheme, written from the README rather than shared with the service, so
/// the benchmark checks what a third party would: <c>Quality-Webhook-Signature: v1=</c> + hex HMAC-SHA256(secret,
/// <c>id.timestamp.body</c>), compared in constant time, stale timestamps refused.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "Quality-Webhook-Id";
    public const string TimestampHeader = "Quality-Webhook-Timestamp";
    public const string SignatureHeader = "Quality-Webhook-Signature";

    /// <summary>How far the sender's timestamp may be from this clock (the README's five minutes).</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string Compute(string secret, string id, string timestamp, string body) =>
        "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));

    public static SignatureCheck Verify(string secret, string? id, string? timestamp, string body, string? signature, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.MissingHeaders;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > Tolerance.TotalSeconds)
        {
            return SignatureCheck.StaleTimestamp;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, id, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }
}
