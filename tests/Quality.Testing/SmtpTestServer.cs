using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Quality.Testing;

/// <summary>
/// A real SMTP listener on 127.0.0.1 (a free port) speaking enough RFC 5321 for a client to hand over a
/// message: greeting, EHLO/HELO, MAIL, RCPT, DATA (with dot-unstuffing), RSET, NOOP, QUIT. Each accepted
/// message is parsed with MimeKit. What a recipient's RCPT is answered is up to <see cref="OnRecipient"/>,
/// keyed by address, so tests running side by side give their own addresses their own behaviour.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    /// <summary>Closes the connection without a reply, as a crashing or cut-off server would.</summary>
    public const string Drop = "DROP";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, Func<int, string?>> _behaviours = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _rcptCalls = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<TcpClient, bool> _open = new();
    private readonly Task _accepting;
    private int _connections;
    private int _authentications;

    public SmtpTestServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public ConcurrentQueue<ReceivedEmail> Received { get; } = new();

    public IEnumerable<ReceivedEmail> To(string address) =>
        Received.Where(m => m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Given the 1-based RCPT call for <paramref name="address"/>, the reply to send instead of "250 OK" (e.g.
    /// "451 4.3.0 try later", "550 5.1.1 no such user" or <see cref="Drop"/>), or null to accept.
    /// </summary>
    public void OnRecipient(string address, Func<int, string?> reply) => _behaviours[address] = reply;

    public int RcptCalls(string address) => _rcptCalls.GetValueOrDefault(address);

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Successful AUTH PLAIN commands so far (any credentials are accepted).</summary>
    public int Authentications => Volatile.Read(ref _authentications);

    /// <summary>Closes every open connection without a word, as a server's idle timeout or restart does.</summary>
    public void CloseConnections()
    {
        foreach (var client in _open.Keys)
        {
            client.Close();
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _open[client] = true;
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var connection = client;
        try
        {
            var stream = connection.GetStream();
            // Latin-1 maps every byte to one char and back, so the message's bytes reach MimeKit unchanged.
            using var reader = new StreamReader(stream, Encoding.Latin1, false);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost ESMTP quality-test");
            string? from = null;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost greets you");
                        await writer.WriteLineAsync("250-AUTH PLAIN");
                        await writer.WriteLineAsync("250 SIZE 10485760");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        from = Address(line);
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        var address = Address(line);
                        var call = _rcptCalls.AddOrUpdate(address, 1, (_, n) => n + 1);
                        var reply = _behaviours.TryGetValue(address, out var behaviour) ? behaviour(call) : null;
                        if (reply == Drop)
                        {
                            return;
                        }

                        if (reply is null)
                        {
                            recipients.Add(address);
                        }

                        await writer.WriteLineAsync(reply ?? "250 2.1.5 OK");
                        break;
                    case "DATA" when from is null || recipients.Count == 0:
                        await writer.WriteLineAsync("503 5.5.1 need MAIL and RCPT first");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith('.') ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.Latin1.GetBytes(data.ToString())), _stop.Token);
                        Received.Enqueue(new ReceivedEmail(from, [.. recipients], message));
                        from = null;
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.0.0 queued");
                        break;
                    case "RSET":
                        from = null;
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "AUTH" when line.Split(' ') is [_, var mechanism, ..] && mechanism.Equals("PLAIN", StringComparison.OrdinalIgnoreCase):
                        if (line.Split(' ').Length < 3)
                        {
                            await writer.WriteLineAsync("334 ");
                            await reader.ReadLineAsync(_stop.Token);
                        }

                        Interlocked.Increment(ref _authentications);
                        await writer.WriteLineAsync("235 2.7.0 authenticated");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away, the server is stopping, or a test closed the connection.
        }
        finally
        {
            _open.TryRemove(client, out _);
        }
    }

    /// <summary>The address in <c>MAIL FROM:&lt;a@b&gt; SIZE=…</c> or <c>RCPT TO:&lt;a@b&gt;</c>.</summary>
    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', start + 1);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        CloseConnections();
        await _accepting;
        _stop.Dispose();
    }
}
