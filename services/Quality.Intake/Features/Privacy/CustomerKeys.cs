using Quality.Intake.Infrastructure;

namespace Quality.Intake.Features.Privacy;

/// <summary>
/// The pseudonym other services know a customer by (events carry it, never contact data): the caller's own
/// customer id when it sent one, otherwise one derived from the email address, so the same address is one
/// customer across channels — for repeat complaints, per-customer KPIs and survey invitations alike.
/// </summary>
public static class CustomerKeys
{
    public static string? For(string? customerId, string? email) =>
        !string.IsNullOrWhiteSpace(customerId) ? customerId
        : !string.IsNullOrWhiteSpace(email) ? FromEmail(email)
        : null;

    public static string FromEmail(string address) =>
        $"email:{Sha256Hex.Of(address.Trim().ToLowerInvariant())[..32]}";
}
