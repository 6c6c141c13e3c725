using System.Net.Sockets;
using System.Text;

namespace Quality.Hosting;

/// <summary>A redis-server in the foreground, bound to loopback, without persistence.</summary>
public sealed class RedisResource : ProcessResource, IResourceWithConnectionString
{
    private readonly int? _fixedPort;
    private string? _binary;
    private string? _directory;

    internal RedisResource(string name, int? port)
        : base(name, "redis")
    {
        _fixedPort = port;
    }

    public int Port { get; private set; }

    public string ConnectionString => Port > 0
        ? $"127.0.0.1:{Port}"
        : throw new InvalidOperationException($"{Name} has no port until the app starts");

    internal override string? Url => Port > 0 ? $"redis://127.0.0.1:{Port}" : null;

    internal override bool RestartBeforeHealthy => false;

    internal override void Resolve(RunContext context)
    {
        var path = context.Options.RedisServerPath ?? "redis-server";
        _binary = Binaries.Find(path)
            ?? throw new HostingException($"{path} not found: run `sudo apt-get install -y redis-server` or pass --redis-server");
        var port = _fixedPort ?? context.Options.RedisPort;
        Port = port is { } p ? Ports.Fixed(p, "--redis-port") : Ports.Free();
        _directory = context.Data.For(Name);
    }

    internal override ProcessSpec CreateSpec(RunContext context) => new()
    {
        FileName = _binary!,
        Args =
        [
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--protected-mode", "yes",
            "--dir", _directory!,
            // A cache and pub/sub broker here: the facts live in PostgreSQL, so no snapshots.
            "--save", "",
            "--appendonly", "no",
            "--daemonize", "no",
        ],
        WorkingDirectory = _directory!,
    };

    internal override async Task<bool> ProbeAsync(CancellationToken ct)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, ct);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), ct);
        var buffer = new byte[16];
        var read = await stream.ReadAsync(buffer, ct);
        return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
    }
}
