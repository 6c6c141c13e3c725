using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Quality.Intake.Tests.Features.SurveyLinks;

/// <summary>Signs a payload of our choosing the way the link format does, to reach the checks after the signature.</summary>
internal static class SignedPayload
{
    public static string Token(byte[] key, string payload)
    {
        var bytes = Encoding.UTF8.GetBytes(payload);
        return $"{Base64Url.EncodeToString(bytes)}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, bytes))}";
    }

    public static string Payload(string token) => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(0, token.LastIndexOf('.'))));
}
