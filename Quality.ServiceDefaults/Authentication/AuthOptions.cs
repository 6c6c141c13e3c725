using System.ComponentModel.DataAnnotations;

namespace Quality.ServiceDefaults.Authentication;

public sealed class AuthOptions : IValidatableObject
{
    public const string SectionName = "Auth";

    /// <summary>Base64 HMAC-SHA256 key of at least 256 bits that signs and verifies people's tokens.</summary>
    [Required]
    public string SigningKey { get; set; } = "";

    [Required]
    public string Issuer { get; set; } = "quality";

    [Required]
    public string Audience { get; set; } = "quality";

    public byte[] SigningKeyBytes() => Convert.FromBase64String(SigningKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var bytes = new byte[SigningKey.Length];
        if (!Convert.TryFromBase64String(SigningKey, bytes, out var length) || length < 32)
        {
            yield return new ValidationResult("must be a base64-encoded key of at least 32 bytes", [nameof(SigningKey)]);
        }
    }
}
