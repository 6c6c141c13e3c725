using MimeKit;
using Quality.Notifications.Features.Deliveries;

namespace Quality.Notifications.Features.Email;

/// <summary>The MIME message for an email delivery: plain UTF-8 text, and headers that make it safe to resend.</summary>
public static class EmailMessageFactory
{
    public const string AlertIdHeader = "X-Quality-Alert-Id";
    public const string DeliveryIdHeader = "X-Quality-Delivery-Id";

    public static MimeMessage Create(ClaimedDelivery delivery, MailboxAddress from, DateTimeOffset now)
    {
        var message = new MimeMessage
        {
            Subject = delivery.Subject ?? "",
            Date = now,
            // The same id on every retry, so a message that did arrive before a crash is recognised as a duplicate.
            MessageId = $"{delivery.Id:N}@{from.Domain}",
        };
        var body = new TextPart(MimeKit.Text.TextFormat.Plain);
        body.SetText("utf-8", delivery.Payload);
        message.Body = body;
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(delivery.Recipient ?? throw new InvalidOperationException($"Email delivery {delivery.Id} has no recipient.")));
        // RFC 3834: an automatic message, so vacation responders do not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (delivery.AlertId is { } alertId)
        {
            message.Headers.Add(AlertIdHeader, alertId.ToString());
        }

        message.Headers.Add(DeliveryIdHeader, delivery.Id.ToString());
        return message;
    }
}
