using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace Quality.Intake.Features.Privacy;

/// <summary>Format checks on contact fields, shared by every request that carries them.</summary>
public static class ContactRules
{
    /// <param name="emailField">How the request names the email (and the phone: <paramref name="phoneField"/>).</param>
    public static IEnumerable<ValidationResult> Validate(
        string? email, string? phone, string? name, string emailField = "CustomerEmail", string phoneField = "CustomerPhone")
    {
        if (!string.IsNullOrWhiteSpace(email) && (email.Length > 254 || !MailAddress.TryCreate(email.Trim(), out var parsed) || parsed.Address != email.Trim()))
        {
            yield return new ValidationResult("must be an email address", [emailField]);
        }

        if (!string.IsNullOrWhiteSpace(phone)
            && (phone.Length > 40 || phone.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '+' or '-' or '(' or ')' or '.'))
                || CustomerContact.NormalizePhone(phone)!.TrimStart('+').Length is < 5 or > 20))
        {
            yield return new ValidationResult("must be a phone number: 5 to 20 digits, optionally with + - ( ) . and spaces", [phoneField]);
        }

        if (name is { Length: > 200 })
        {
            yield return new ValidationResult("must be at most 200 characters", ["CustomerName"]);
        }
    }
}
