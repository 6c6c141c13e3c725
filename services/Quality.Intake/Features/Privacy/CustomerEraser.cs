using Microsoft.EntityFrameworkCore;
using Quality.Contracts.Intake;
using Quality.Intake.Features.Email;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Features.Transcripts;
using Quality.Intake.Features.Validation;
using Quality.Intake.Infrastructure;
using Quality.Messaging.Outbox;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Features.Privacy;

/// <summary>
/// Erases a customer's personal data on request: the encrypted contact fields, the lookup hashes and the
/// customer key go, and the customer's email, phone and name are cut out of the text where they appear.
/// The classification stays, so KPIs and trends do not change. One transaction with its audit entry.
/// </summary>
public sealed partial class CustomerEraser(IntakeDbContext db, PiiProtector pii, TimeProvider time, ILogger<CustomerEraser> logger)
{
    public const string Erased = "[erased]";

    public async Task<ErasureResult> EraseAsync(EraseCustomerRequest request, string actor, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request);
        var email = CustomerContact.NormalizeEmail(request.Email);
        var phone = CustomerContact.NormalizePhone(request.Phone);
        var customerId = string.IsNullOrWhiteSpace(request.CustomerId) ? null : request.CustomerId.Trim();
        if (email is null && phone is null && customerId is null)
        {
            throw new RequestValidationException("email", "give at least one of email, phone or customerId");
        }

        if ((email is not null || phone is not null) && !pii.Enabled)
        {
            throw new RequestValidationException(email is not null ? "email" : "phone", "cannot be looked up: this Intake stores no contact data (Intake:Pii)");
        }

        var emailLookup = email is null ? null : pii.Lookup("email", email);
        var phoneLookup = phone is null ? null : pii.Lookup("phone", phone);
        var emailKey = email is null ? null : CustomerKeys.FromEmail(email);
        var items = await db.Feedback
            .Where(f => (emailLookup != null && f.EmailLookup == emailLookup)
                || (phoneLookup != null && f.PhoneLookup == phoneLookup)
                || (customerId != null && f.CustomerKey == customerId)
                || (emailKey != null && f.CustomerKey == emailKey))
            .ToListAsync(cancellationToken);

        var now = time.GetUtcNow();
        foreach (var item in items)
        {
            var contact = pii.Enabled ? pii.Reveal(item) : null;
            string?[] personal = [email, phone, request.Phone?.Trim(), contact?.Email, contact?.Phone, contact?.Name, customerId];
            Anonymise(item, personal.OfType<string>().Where(p => p.Length >= 3).Distinct().OrderByDescending(p => p.Length).ToList(), now);
        }

        var subject = emailLookup is not null ? $"email-lookup:{Convert.ToHexStringLower(emailLookup)}"
            : phoneLookup is not null ? $"phone-lookup:{Convert.ToHexStringLower(phoneLookup)}"
            : $"customer-id-sha256:{Sha256Hex.Of(customerId!)}";
        var audit = new AuditEntry
        {
            Id = Guid.CreateVersion7(),
            At = now,
            Actor = actor,
            Action = "customer.erase",
            Subject = subject,
            Details = $"{items.Count} feedback items anonymised",
        };
        db.AuditLog.Add(audit);
        // Routing and Scoring hear of it in the same transaction, by feedback id and hash only.
        db.AddToOutbox(new CustomerErased { CorrelationId = audit.Id, Subject = subject, FeedbackIds = [.. items.Select(i => i.Id)], ErasedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        LogErased(logger, actor, ContactMask.Email(email) ?? ContactMask.Phone(phone) ?? "a customer id", items.Count);
        return new ErasureResult(audit.Id, items.Count);
    }

    private static void Anonymise(FeedbackItem item, IReadOnlyList<string> personal, DateTimeOffset now)
    {
        item.CustomerEmail = item.CustomerPhone = item.CustomerName = null;
        item.EmailLookup = item.PhoneLookup = null;
        item.PiiKeyId = null;
        item.CustomerKey = null;
        item.ErasedAt = now;
        item.Text = Scrub(item.Text, personal);
        item.Subject = item.Subject is null ? null : Scrub(item.Subject, personal);
        if (item.Turns is { } turns)
        {
            item.Turns = [.. turns.Select(t => new TranscriptTurn { Role = t.Role, Text = Scrub(t.Text, personal), At = t.At })];
        }
    }

    private static string Scrub(string text, IReadOnlyList<string> personal) =>
        personal.Aggregate(text, (current, value) => current.Replace(value, Erased, StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(LogLevel.Information, "{Actor} erased the personal data of {Customer} from {Items} feedback items")]
    private static partial void LogErased(ILogger logger, string actor, string customer, int items);
}
