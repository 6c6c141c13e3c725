using MimeKit;

namespace Quality.Notifications.Features.Email;

public static class EmailAddresses
{
    /// <summary>
    /// The plain address, lower-case, as rules, throttles and quiet hours key it (a display name is dropped),
    /// or null when <paramref name="text"/> is not one address with a local part and a domain.
    /// </summary>
    public static string? Canonical(string? text)
    {
        text = text?.Trim() ?? "";
        return text.Length <= 254 && MailboxAddress.TryParse(ParserOptions.Default, text, out var mailbox)
            && mailbox.Address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < mailbox.Address.Length - 1
                ? mailbox.Address.ToLowerInvariant()
                : null;
    }
}
