using System.Security.Cryptography;
using System.Text;

namespace Quality.Notifications.Features.Webhooks;

/// <summary>
/// <c>Quality-Webhook-Signature: v1=hex(HMAC-SHA256(secret, id + "." + timestamp + "." + body))</c>. The id
/// and timestamp are signed with the body so a captured request cannot be replayed later or under another id.
/// </summary>
public static class WebhookSigner
{
    public const string IdHeader = "Quality-Webhook-Id";
    public const string TimestampHeader = "Quality-Webhook-Timestamp";
    public const string SignatureHeader = "Quality-Webhook-Signature";
    public const string Version = "v1";

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return $"{Version}={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>What a receiver does: recompute, compare in constant time, and refuse stale timestamps.</summary>
    public static bool Verify(string secret, string id, string timestamp, string body, string signature, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestamp, out var seconds) || Math.Abs(now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, id, seconds, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
