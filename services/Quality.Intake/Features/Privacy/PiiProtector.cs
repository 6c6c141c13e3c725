using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Quality.Intake.Features.Feedback;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Features.Privacy;

/// <summary>
/// Encrypts contact data with AES-256-GCM under the active key, and computes the HMAC lookup hashes that
/// find a customer's items without decrypting anything. Each value is bound to its item and field (the
/// associated data), so a ciphertext copied to another row or column fails to decrypt instead of lying.
/// </summary>
public sealed class PiiProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Dictionary<string, byte[]> _keys;
    private readonly byte[]? _lookupKey;

    public PiiProtector(IOptions<PiiOptions> options)
    {
        var settings = options.Value;
        _keys = settings.Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value), StringComparer.Ordinal);
        _lookupKey = settings.LookupKey is null ? null : Convert.FromBase64String(settings.LookupKey);
        ActiveKeyId = settings.ActiveKeyId;
    }

    /// <summary>False when no keys are configured: then no contact data is accepted or stored.</summary>
    public bool Enabled => ActiveKeyId is not null;

    public string? ActiveKeyId { get; }

    /// <summary>Errors for each contact field sent to an Intake that cannot store them, or null.</summary>
    public Dictionary<string, string[]>? Refusal(CustomerContact? contact, string fieldPrefix = "")
    {
        if (Enabled || contact is null)
        {
            return null;
        }

        const string Reason = "cannot be accepted: this Intake has no key to encrypt contact data with (Intake:Pii)";
        var errors = new Dictionary<string, string[]>();
        if (contact.Email is not null) errors[$"{fieldPrefix}customerEmail"] = [Reason];
        if (contact.Phone is not null) errors[$"{fieldPrefix}customerPhone"] = [Reason];
        if (contact.Name is not null) errors[$"{fieldPrefix}customerName"] = [Reason];
        return errors;
    }

    public void ThrowIfRefused(CustomerContact? contact)
    {
        if (Refusal(contact) is { } errors)
        {
            throw new RequestValidationException(errors);
        }
    }

    /// <summary>Writes <paramref name="contact"/> onto the item encrypted, with its lookup hashes.</summary>
    public void Protect(FeedbackItem item, CustomerContact contact)
    {
        var keyId = ActiveKeyId ?? throw new InvalidOperationException("No PII key is configured (Intake:Pii).");
        var key = _keys[keyId];
        item.PiiKeyId = keyId;
        item.CustomerEmail = Encrypt(key, contact.Email, item.Id, "email");
        item.CustomerPhone = Encrypt(key, contact.Phone, item.Id, "phone");
        item.CustomerName = Encrypt(key, contact.Name, item.Id, "name");
        item.EmailLookup = contact.Email is null ? null : Lookup("email", contact.Email);
        item.PhoneLookup = contact.Phone is null ? null : Lookup("phone", contact.Phone);
    }

    /// <summary>The item's contact data in clear, or null when it has none (or it was erased).</summary>
    public CustomerContact? Reveal(FeedbackItem item)
    {
        if (item.PiiKeyId is null)
        {
            return null;
        }

        if (!_keys.TryGetValue(item.PiiKeyId, out var key))
        {
            throw new InvalidOperationException($"Feedback {item.Id} is encrypted with key '{item.PiiKeyId}', which is no longer in Intake:Pii:Keys.");
        }

        return new CustomerContact(
            Decrypt(key, item.CustomerEmail, item.Id, "email"),
            Decrypt(key, item.CustomerPhone, item.Id, "phone"),
            Decrypt(key, item.CustomerName, item.Id, "name"));
    }

    /// <summary>The lookup hash of a normalised email or phone; equal inputs give equal hashes.</summary>
    public byte[] Lookup(string kind, string normalized) =>
        HMACSHA256.HashData(_lookupKey ?? throw new InvalidOperationException("No PII lookup key is configured (Intake:Pii:LookupKey)."),
            Encoding.UTF8.GetBytes($"{kind}:{normalized}"));

    private static byte[]? Encrypt(byte[] key, string? plaintext, Guid itemId, string field)
    {
        if (plaintext is null)
        {
            return null;
        }

        var plain = Encoding.UTF8.GetBytes(plaintext);
        var blob = new byte[NonceSize + plain.Length + TagSize];
        var nonce = blob.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, blob.AsSpan(NonceSize, plain.Length), blob.AsSpan(NonceSize + plain.Length), AssociatedData(itemId, field));
        return blob;
    }

    private static string? Decrypt(byte[] key, byte[]? blob, Guid itemId, string field)
    {
        if (blob is null)
        {
            return null;
        }

        var length = blob.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(blob.AsSpan(0, NonceSize), blob.AsSpan(NonceSize, length), blob.AsSpan(NonceSize + length), plain, AssociatedData(itemId, field));
        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] AssociatedData(Guid itemId, string field) => [.. itemId.ToByteArray(), .. Encoding.UTF8.GetBytes(field)];
}
