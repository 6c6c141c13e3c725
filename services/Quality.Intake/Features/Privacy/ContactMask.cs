namespace Quality.Intake.Features.Privacy;

/// <summary>
/// Contact data as lists and logs show it: enough to tell customers apart on a screen, not enough to
/// contact or identify them. "jane.doe@example.com" → "j***@e***.com", "+8613800138000" → "***8000",
/// "王小明" → "王***". A fixed number of stars, so the mask does not tell the length either.
/// </summary>
public static class ContactMask
{
    public static string? Email(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return null;
        }

        var at = email.LastIndexOf('@');
        if (at <= 0)
        {
            return "***";
        }

        var domain = email[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        var tld = dot >= 0 ? domain[dot..] : "";
        return $"{email[0]}***@{(domain.Length > 0 ? domain[0] : '*')}***{tld}";
    }

    public static string? Phone(string? phone) =>
        string.IsNullOrEmpty(phone) ? null : phone.Length <= 4 ? "***" : $"***{phone[^4..]}";

    public static string? Name(string? name) =>
        string.IsNullOrEmpty(name) ? null : $"{name[0]}***";
}
