namespace Quality.Intake.Features.Privacy;

/// <summary>A customer's contact data as received, normalised: stored only encrypted.</summary>
public sealed record CustomerContact(string? Email, string? Phone, string? Name)
{
    /// <summary>The contact, or null when every part is blank.</summary>
    public static CustomerContact? From(string? email, string? phone, string? name)
    {
        var contact = new CustomerContact(NormalizeEmail(email), NormalizePhone(phone), Blank(name));
        return contact is { Email: null, Phone: null, Name: null } ? null : contact;
    }

    public static string? NormalizeEmail(string? email) => Blank(email)?.ToLowerInvariant();

    /// <summary>Digits only, with a leading + kept: "+86 138-0013-8000" and "+8613800138000" are one phone.</summary>
    public static string? NormalizePhone(string? phone)
    {
        if (Blank(phone) is not { } value)
        {
            return null;
        }

        var digits = new string([.. value.Where(char.IsAsciiDigit)]);
        return value.StartsWith('+') ? $"+{digits}" : digits;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
