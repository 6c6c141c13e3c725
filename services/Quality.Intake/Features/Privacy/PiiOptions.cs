namespace Quality.Intake.Features.Privacy;

/// <summary>
/// Keys for customer contact data. Several encryption keys may be listed, one active: new writes use the
/// active key, rows written under an older one still decrypt, and the re-encrypt command moves them over.
/// With no keys at all Intake stores no contact data.
/// </summary>
public sealed class PiiOptions
{
    public const string SectionName = "Intake:Pii";

    /// <summary>The id of the key new contact data is encrypted with; a key of <see cref="Keys"/>.</summary>
    public string? ActiveKeyId { get; set; }

    /// <summary>AES-256 keys by id, each 32 random bytes in base64.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>
    /// The HMAC-SHA256 key (at least 32 bytes, base64) of the lookup hashes that find a customer's items
    /// without decrypting. Changing it orphans existing hashes until the re-encrypt command recomputes them.
    /// </summary>
    public string? LookupKey { get; set; }
}
