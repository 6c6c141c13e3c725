using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Rules;

namespace Quality.Notifications.Features.Email;

/// <summary>
/// Sends an email delivery through the configured SMTP server with MailKit, on sessions kept open and reused
/// across messages (<see cref="SmtpConnectionPool"/>).
/// Following RFC 5321, a 4xx reply or a network failure is temporary (retried with backoff) and a 5xx reply
/// is permanent (dead-lettered at once): resending a message the server has refused for good only gets the
/// sender's address distrusted.
/// </summary>
public sealed class EmailSender(IOptions<SmtpOptions> options, TimeProvider time) : IDeliverySender, IAsyncDisposable
{
    private readonly SmtpConnectionPool _connections = new(options, time);

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
        PooledSmtpConnection? connection = null;
        try
        {
            connection = await _connections.RentAsync(timeout.Token);
            await connection.Client.SendAsync(message, timeout.Token);
            _connections.Return(connection);
            connection = null;
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
        finally
        {
            // A session a send failed on is in an unknown state: never reused.
            if (connection is not null)
            {
                await _connections.DiscardAsync(connection);
            }
        }
    }

    /// <summary>Sessions opened so far: one per concurrent send while the server keeps them open.</summary>
    public int ConnectionsOpened => _connections.Opened;

    public ValueTask DisposeAsync() => _connections.DisposeAsync();
}
