using Microsoft.AspNetCore.Identity;

namespace Quality.Web.Account;

/// <summary>Password hashes in ASP.NET Core Identity's format, the one <c>Web:Users:N:PasswordHash</c> holds.</summary>
public static class PasswordHashes
{
    private static readonly PasswordHasher<WebUser> Hasher = new();

    // Checked against when the name is unknown, so a wrong name costs as long as a wrong password and timing
    // does not tell which names exist.
    private static readonly string Decoy = Hasher.HashPassword(new WebUser(), Guid.NewGuid().ToString());

    public static string Hash(string password) => Hasher.HashPassword(new WebUser(), password);

    /// <summary>Whether <paramref name="password"/> matches; <paramref name="user"/> null checks a decoy and fails.</summary>
    public static bool Verify(WebUser? user, string password)
    {
        var result = Hasher.VerifyHashedPassword(user ?? new WebUser(), user?.PasswordHash ?? Decoy, password);
        return user is not null && result != PasswordVerificationResult.Failed;
    }

    /// <summary>Reads a password line from standard input and prints its hash; 1 when the line is empty.</summary>
    public static int HashFromConsole()
    {
        var password = Console.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("error: give the password on standard input");
            return 1;
        }

        Console.WriteLine(Hash(password));
        return 0;
    }

    /// <summary>Base64 with a known format marker: 0x00 (Identity v2) or 0x01 (v3).</summary>
    public static bool IsWellFormed(string? hash)
    {
        if (string.IsNullOrWhiteSpace(hash))
        {
            return false;
        }

        var bytes = new byte[hash.Length];
        return Convert.TryFromBase64String(hash, bytes, out var length) && length > 13 && bytes[0] is 0x00 or 0x01;
    }
}
