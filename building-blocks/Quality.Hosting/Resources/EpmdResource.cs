using System.Globalization;
using System.Net.Sockets;

namespace Quality.Hosting;

/// <summary>
/// Erlang's port mapper, run by us in the foreground on its own loopback port. Left to itself,
/// RabbitMQ would start a daemonised epmd on 0.0.0.0:4369 that outlives the AppHost.
/// </summary>
public sealed class EpmdResource : ProcessResource
{
    private string? _binary;
    private string? _runAs;

    internal EpmdResource(string name)
        : base(name, "epmd")
    {
    }

    public int Port { get; private set; }

    internal override string? Url => Port > 0 ? $"tcp://127.0.0.1:{Port}" : null;

    internal override bool RestartBeforeHealthy => false;

    internal override void Resolve(RunContext context)
    {
        var path = context.Options.EpmdPath ?? "epmd";
        _binary = Binaries.Find(path)
            ?? throw new HostingException($"{path} not found: run `sudo apt-get install -y erlang-base` or pass --epmd");
        _runAs = UnixUser.WhenRoot("rabbitmq", "rabbitmq-server");
        Port = Ports.Free();
    }

    internal override ProcessSpec CreateSpec(RunContext context) => new()
    {
        FileName = _binary!,
        Args = ["-port", Port.ToString(CultureInfo.InvariantCulture), "-address", "127.0.0.1"],
        WorkingDirectory = "/",
        Environment = Variables(),
        RunAs = _runAs,
    };

    /// <summary>What an Erlang node needs to find this epmd instead of the default one.</summary>
    internal Dictionary<string, string> Variables() => new()
    {
        ["ERL_EPMD_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
    };

    /// <summary>
    /// Asks for the registered names (NAMES_REQ), which epmd answers with its own port: a real answer,
    /// and no "partial packet" complaint in its log every few seconds as a bare connect would cause.
    /// </summary>
    internal override async Task<bool> ProbeAsync(CancellationToken ct)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, ct);
        var stream = client.GetStream();
        byte[] namesRequest = [0, 1, 110];
        await stream.WriteAsync(namesRequest, ct);
        var answer = new byte[4];
        await stream.ReadExactlyAsync(answer, ct);
        return System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(answer) == Port;
    }
}
