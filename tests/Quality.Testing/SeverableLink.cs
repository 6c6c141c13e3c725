using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Quality.Testing;

/// <summary>
/// A TCP relay to a real server (PostgreSQL, say) that a test can cut: <see cref="Sever"/> drops every open connection
/// and refuses new ones, as a server restart or a network fault would look to the client; <see cref="Restore"/>
/// lets connections through again. Listens on loopback.
/// </summary>
public sealed class SeverableLink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<Socket, bool> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile bool _severed;

    public SeverableLink(IPEndPoint target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Sever()
    {
        _severed = true;
        foreach (var socket in _open.Keys)
        {
            socket.Dispose();
        }
    }

    public void Restore() => _severed = false;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Sever();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_severed)
            {
                client.Dispose();
                continue;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(_target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _open[client] = true;
        _open[server] = true;
        try
        {
            await server.ConnectAsync(_target, _stop.Token);
            // Either side closing (or Sever disposing both) ends the pair.
            await Task.WhenAny(CopyAsync(client, server), CopyAsync(server, client));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The link is being severed or disposed.
        }
        finally
        {
            _open.TryRemove(client, out _);
            _open.TryRemove(server, out _);
            client.Dispose();
            server.Dispose();
        }
    }

    private async Task CopyAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, _stop.Token)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Severed, disposed, or the other side went away: the pair is closed by the caller.
        }
    }
}
