using System.Globalization;
using System.Security.Cryptography;
using RabbitMQ.Client;

namespace Quality.Hosting;

/// <summary>
/// A RabbitMQ node with everything in the data directory (database, logs, config, Erlang
/// cookie), bound to loopback, with a generated user. Run as the <c>rabbitmq</c> user when root.
/// </summary>
public sealed class RabbitMQResource : ProcessResource, IResourceWithConnectionString
{
    public const string UserName = "quality";

    private readonly int? _fixedPort;
    private string? _binary;
    private string? _directory;
    private string? _password;
    private string? _runAs;
    private int _distributionPort;

    internal RabbitMQResource(string name, int? port, EpmdResource epmd)
        : base(name, "rabbitmq")
    {
        _fixedPort = port;
        Epmd = epmd;
    }

    public EpmdResource Epmd { get; }

    public int Port { get; private set; }

    public string ConnectionString => _password is null
        ? throw new InvalidOperationException($"{Name} has no address until the app starts")
        : $"amqp://{UserName}:{_password}@127.0.0.1:{Port}/";

    internal override IEnumerable<Resource> StartsAfter => WaitsFor.Append(Epmd).Distinct();

    internal override string? Url => Port > 0 ? $"amqp://127.0.0.1:{Port}" : null;

    internal override bool RestartBeforeHealthy => false;

    private string PortFile => Path.Combine(_directory!, "port");

    internal override void Resolve(RunContext context)
    {
        var path = context.Options.RabbitMQServerPath
            ?? (File.Exists("/usr/lib/rabbitmq/bin/rabbitmq-server") ? "/usr/lib/rabbitmq/bin/rabbitmq-server" : "rabbitmq-server");
        _binary = Binaries.Find(path)
            ?? throw new HostingException($"{path} not found: run `sudo apt-get install -y rabbitmq-server` or pass --rabbitmq-server");
        _runAs = UnixUser.WhenRoot("rabbitmq", "rabbitmq-server");
        _directory = context.Data.For(Name);
        Port = ChoosePort(context);
        _distributionPort = Ports.Free();
        _password = DataDirectory.ReadOrCreate(Path.Combine(_directory, "password"), () => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant());
    }

    internal override Task PrepareAsync(RunContext context, CancellationToken ct)
    {
        var dir = _directory!;
        foreach (var sub in new[] { "home", "mnesia", "log" }) Directory.CreateDirectory(Path.Combine(dir, sub));

        File.WriteAllText(Path.Combine(dir, "rabbitmq.conf"), $"""
            listeners.tcp.default = 127.0.0.1:{Port}
            loopback_users = none
            default_user = {UserName}
            default_pass = {_password}
            """ + "\n");
        File.WriteAllText(Path.Combine(dir, "enabled_plugins"), "[].\n");
        File.WriteAllText(Path.Combine(dir, "rabbitmq-env.conf"), ""); // so /etc/rabbitmq/rabbitmq-env.conf is not read

        var cookie = Path.Combine(dir, "home", ".erlang.cookie");
        DataDirectory.ReadOrCreate(cookie, () => Convert.ToHexString(RandomNumberGenerator.GetBytes(20)));
        UnixUser.Own(dir, _runAs);
        File.SetUnixFileMode(cookie, UnixFileMode.UserRead); // Erlang refuses a cookie others can read
        return Task.CompletedTask;
    }

    internal override ProcessSpec CreateSpec(RunContext context)
    {
        var dir = _directory!;
        var env = Epmd.Variables();
        env["HOME"] = Path.Combine(dir, "home");
        env["RABBITMQ_NODENAME"] = $"quality-{Port}@localhost";
        env["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        env["RABBITMQ_NODE_PORT"] = Port.ToString(CultureInfo.InvariantCulture);
        env["RABBITMQ_DIST_PORT"] = _distributionPort.ToString(CultureInfo.InvariantCulture);
        env["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(dir, "rabbitmq-env.conf");
        env["RABBITMQ_CONFIG_FILE"] = Path.Combine(dir, "rabbitmq.conf");
        env["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(dir, "advanced.config");
        env["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(dir, "enabled_plugins");
        env["RABBITMQ_MNESIA_BASE"] = Path.Combine(dir, "mnesia");
        env["RABBITMQ_LOG_BASE"] = Path.Combine(dir, "log");
        env["RABBITMQ_LOGS"] = "-"; // to stdout, hence to our log file and console
        // Erlang distribution listens on all interfaces unless told otherwise.
        env["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}";
        return new ProcessSpec
        {
            FileName = _binary!,
            WorkingDirectory = dir,
            Environment = env,
            RunAs = _runAs,
        };
    }

    internal override async Task<bool> ProbeAsync(CancellationToken ct)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(ConnectionString),
            RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
            AutomaticRecoveryEnabled = false,
        };
        await using var connection = await factory.CreateConnectionAsync(ct);
        return connection.IsOpen;
    }

    /// <summary>
    /// The node's database is named after the node, and the node after the port, so we reuse
    /// the last port when it is free: queues and messages then survive an AppHost restart.
    /// </summary>
    private int ChoosePort(RunContext context)
    {
        if ((_fixedPort ?? context.Options.RabbitMQPort) is { } fixedPort) return Ports.Fixed(fixedPort, "--rabbitmq-port");
        if (File.Exists(PortFile)
            && int.TryParse(File.ReadAllText(PortFile).Trim(), CultureInfo.InvariantCulture, out var last)
            && Ports.IsFree(last))
        {
            return last;
        }
        var port = Ports.Free();
        File.WriteAllText(PortFile, port.ToString(CultureInfo.InvariantCulture));
        return port;
    }
}
