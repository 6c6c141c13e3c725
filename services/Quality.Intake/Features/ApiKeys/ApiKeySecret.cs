using System.Security.Cryptography;
using System.Text;

namespace Quality.Intake.Features.ApiKeys;

/// <summary>
/// Makes and checks keys shaped <c>qk_{prefix}_{secret}</c>: a 12-character hex prefix that identifies the
/// row, and 256 random bits. With that much entropy a plain SHA-256 is enough (no slow hash needed: nobody
/// can guess their way through 2^256).
/// </summary>
public static class ApiKeySecret
{
    private const string Marker = "qk_";
    private const int PrefixLength = 12;

    public static (string Key, string Prefix, byte[] Hash) Create()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = $"{Marker}{prefix}_{secret}";
        return (key, prefix, Hash(key));
    }

    /// <summary>Reads the prefix of a presented key; false when it is not shaped like one of ours.</summary>
    public static bool TryGetPrefix(string presented, out string prefix)
    {
        prefix = "";
        if (presented.Length < Marker.Length + PrefixLength + 2 || !presented.StartsWith(Marker, StringComparison.Ordinal)
            || presented[Marker.Length + PrefixLength] != '_')
        {
            return false;
        }

        prefix = presented.Substring(Marker.Length, PrefixLength);
        return true;
    }

    public static bool Matches(string presented, byte[] hash) => CryptographicOperations.FixedTimeEquals(Hash(presented), hash);

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
