using System.Security.Cryptography;
using System.Text;

namespace Quality.BadInput.Credentials;

/// <summary>
/// Credentials a service must refuse, made from a real token: the same claims under a signature from another key,
/// the "none" algorithm, a token that is not a JWT, and an API key that was never issued.
/// </summary>
public static class ForgedCredentials
{
    public static IReadOnlyList<Credential> From(string realToken)
    {
        var parts = realToken.Split('.');
        var payload = parts.Length == 3 ? parts[1] : Base64Url("{\"sub\":\"attacker\",\"role\":\"admin\"}");
        var header = Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        var forgedSignature = Base64Url(HMACSHA256.HashData(RandomNumberGenerator.GetBytes(32), Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return
        [
            Credential.None,
            new Credential("forged-signature", BearerToken: $"{header}.{payload}.{forgedSignature}"),
            new Credential("alg-none", BearerToken: $"{Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{payload}."),
            new Credential("not-a-jwt", BearerToken: "not.a.token"),
            new Credential("unknown-api-key", ApiKey: "qk_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant()),
        ];
    }

    private static string Base64Url(string text) => Base64Url(Encoding.UTF8.GetBytes(text));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
