using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Rules;

namespace Quality.Notifications.Features.Email;

/// <summary>
/// Sends an email delivery through the configured SMTP server with MailKit, one connection per message.
/// Following RFC 5321, a 4xx reply or a network failure is temporary (retried with backoff) and a 5xx reply
/// is permanent (dead-lettered at once): resending a message the server has refused for good only gets the
/// sender's address distrusted.
/// </summary>
public sealed class EmailSender(IOptions<SmtpOptions> options, TimeProvider time) : IDeliverySender
{
    public string Channel => RuleChannels.Email;

    public DeliveryLane Lane { get; } = new(
        options.Value.MaxConcurrency, options.Value.Timeout, options.Value.MaxAttempts, options.Value.BaseDelay, options.Value.MaxDelay, options.Value.PollInterval);

    public async Task<SendResult> SendAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.IsConfigured)
        {
            return new SendResult(null, $"SMTP is not configured ({SmtpOptions.SectionName}:{nameof(SmtpOptions.Host)} is empty)");
        }

        var message = EmailMessageFactory.Create(delivery, MailboxAddress.Parse(o.FromAddress!), time.GetUtcNow());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(o.Timeout);
        using var client = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(o.Host!, o.Port, o.Security, timeout.Token);
            if (!string.IsNullOrEmpty(o.UserName))
            {
                await client.AuthenticateAsync(o.UserName, o.Password ?? "", timeout.Token);
            }

            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            return new SendResult((int)SmtpStatusCode.Ok, null);
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            return new SendResult(code, $"SMTP {code} {e.Message}", Permanent: code >= 500);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult(null, $"timed out after {o.Timeout.TotalMilliseconds:0} ms");
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException or AuthenticationException or SslHandshakeException)
        {
            // Refused, dropped, garbled or untrusted: the server's trouble, perhaps passing.
            return new SendResult(null, e.Message);
        }
    }
}
