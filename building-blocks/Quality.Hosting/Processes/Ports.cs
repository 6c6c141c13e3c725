using System.Net;
using System.Net.Sockets;

namespace Quality.Hosting;

/// <summary>Picks free loopback ports and checks fixed ones.</summary>
internal static class Ports
{
    private static readonly HashSet<int> Handed = [];

    /// <summary>
    /// A port the OS says is free now. Ports already handed out by this process are skipped,
    /// since nothing listens on them yet and the OS could offer them again.
    /// </summary>
    public static int Free()
    {
        while (true)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
            lock (Handed)
            {
                if (Handed.Add(port)) return port;
            }
        }
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The fixed port if it is free, else a one-line error naming the option to drop.</summary>
    public static int Fixed(int port, string option)
    {
        if (!IsFree(port)) throw new HostingException($"port {port} is in use: stop what holds it or omit {option}");
        lock (Handed) Handed.Add(port);
        return port;
    }
}
