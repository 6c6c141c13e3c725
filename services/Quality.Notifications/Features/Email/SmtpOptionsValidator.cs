using System.Net;
using Microsoft.Extensions.Options;
using MailKit.Security;
using MimeKit;

namespace Quality.Notifications.Features.Email;

/// <summary>What data annotations cannot say: a sender that parses, credentials in pairs, and no password sent in the clear.</summary>
public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var key = SmtpOptions.SectionName;
        var failures = new List<string>();
        if (!MailboxAddress.TryParse(options.FromAddress ?? "", out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            failures.Add($"Configuration value '{key}:{nameof(SmtpOptions.FromAddress)}' is invalid: a sender address such as quality@example.com is required when {key}:{nameof(SmtpOptions.Host)} is set.");
        }

        var hasUser = !string.IsNullOrEmpty(options.UserName);
        if (hasUser != !string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"Configuration value '{key}:{(hasUser ? nameof(SmtpOptions.Password) : nameof(SmtpOptions.UserName))}' is missing: set {nameof(SmtpOptions.UserName)} and {nameof(SmtpOptions.Password)} together.");
        }

        // A password over a connection that may stay plain text is readable on the network; only loopback is exempt.
        if (hasUser && options.Security is (SecureSocketOptions.None or SecureSocketOptions.StartTlsWhenAvailable) && !IsLoopback(options.Host!))
        {
            failures.Add($"Configuration value '{key}:{nameof(SmtpOptions.Security)}' is invalid: {options.Security} would send the password unencrypted to {options.Host}; use StartTls or SslOnConnect.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
