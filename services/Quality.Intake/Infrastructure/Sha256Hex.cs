using System.Security.Cryptography;
using System.Text;

namespace Quality.Intake.Infrastructure;

/// <summary>The lower-case hex SHA-256 of a string's UTF-8: how Intake names a value it must not keep (long ids, customer pseudonyms).</summary>
public static class Sha256Hex
{
    public static string Of(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
