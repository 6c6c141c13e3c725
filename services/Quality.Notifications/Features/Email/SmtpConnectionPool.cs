using System.Collections.Concurrent;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace Quality.Notifications.Features.Email;

/// <summary>
/// Keeps the SMTP sessions of the configured server open between messages, so a message costs MAIL/RCPT/DATA
/// rather than a new TCP (and TLS) handshake, EHLO and AUTH. A session carries one message at a time, so there
/// are at most as many as the email lane sends at once. A session is checked with NOOP before it is reused:
/// one the server has closed (idle timeout, restart) is replaced before anything is sent on it, so a message is
/// never half-sent on a dead connection. Sessions idle longer than <see cref="SmtpOptions.IdleTimeout"/>, or
/// that carried <see cref="SmtpOptions.MaxMessagesPerConnection"/> messages, are closed; so is any session a
/// send failed on, since its state is then unknown.
/// </summary>
public sealed class SmtpConnectionPool(IOptions<SmtpOptions> options, TimeProvider time) : IAsyncDisposable
{
    // Most recently used first, so sessions beyond the usual load go idle and are retired.
    private readonly ConcurrentStack<PooledSmtpConnection> _idle = new();
    private int _opened;

    /// <summary>Sessions opened so far (for tests and diagnostics).</summary>
    public int Opened => Volatile.Read(ref _opened);

    public async Task<PooledSmtpConnection> RentAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        while (_idle.TryPop(out var pooled))
        {
            if (!pooled.Client.IsConnected || time.GetUtcNow() - pooled.LastUsedAt > o.IdleTimeout || pooled.Messages >= o.MaxMessagesPerConnection)
            {
                await CloseAsync(pooled);
                continue;
            }

            try
            {
                await pooled.Client.NoOpAsync(cancellationToken);
                return pooled;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Closed or broken on the server's side: replace it.
                await CloseAsync(pooled, quit: false);
            }
        }

        return await ConnectAsync(o, cancellationToken);
    }

    /// <summary>Gives back a session whose last message went through, for the next message.</summary>
    public void Return(PooledSmtpConnection connection)
    {
        connection.Messages++;
        connection.LastUsedAt = time.GetUtcNow();
        _idle.Push(connection);
    }

    /// <summary>Closes a session a send failed on.</summary>
    public Task DiscardAsync(PooledSmtpConnection connection) => CloseAsync(connection, quit: false);

    private async Task<PooledSmtpConnection> ConnectAsync(SmtpOptions o, CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(o.Host!, o.Port, o.Security, cancellationToken);
            if (!string.IsNullOrEmpty(o.UserName))
            {
                await client.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }

        Interlocked.Increment(ref _opened);
        return new PooledSmtpConnection(client, time.GetUtcNow());
    }

    private static async Task CloseAsync(PooledSmtpConnection connection, bool quit = true)
    {
        try
        {
            if (quit && connection.Client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await connection.Client.DisconnectAsync(quit: true, timeout.Token);
            }
        }
        catch (Exception)
        {
            // Saying goodbye is a courtesy; the socket is closed below either way.
        }
        finally
        {
            connection.Client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryPop(out var pooled))
        {
            await CloseAsync(pooled);
        }
    }
}
