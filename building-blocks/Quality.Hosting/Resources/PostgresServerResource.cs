using System.Globalization;
using System.Security.Cryptography;
using Npgsql;

namespace Quality.Hosting;

/// <summary>
/// A PostgreSQL server initialised in the data directory, listening on loopback only, with a
/// generated superuser password. Run as the <c>postgres</c> user when the AppHost is root,
/// since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServerResource : ProcessResource, IResourceWithConnectionString
{
    public const string UserName = "postgres";

    /// <summary>PostgreSQL's own default is 100: below four services with a pool each, a second replica and tools.</summary>
    public const int MaxConnections = 300;

    private readonly int? _fixedPort;
    private string? _bin;
    private string? _directory;
    private string? _password;
    private string? _runAs;

    internal PostgresServerResource(string name, int? port)
        : base(name, "postgres")
    {
        _fixedPort = port;
    }

    public int Port { get; private set; }

    public string ConnectionString => ConnectionStringFor(null);

    internal override string? Url => Port > 0 ? $"postgres://127.0.0.1:{Port}" : null;

    internal override bool RestartBeforeHealthy => false;

    private string DataPath => Path.Combine(_directory!, "data");

    private string PasswordFile => Path.Combine(_directory!, "password");

    /// <summary>The connection string for one database, or for the server when null.</summary>
    internal string ConnectionStringFor(string? database)
    {
        if (_password is null) throw new InvalidOperationException($"{Name} has no address until the app starts");
        var db = database is null ? "" : $"Database={database};";
        return $"Host=127.0.0.1;Port={Port};{db}Username={UserName};Password={_password}";
    }

    internal override void Resolve(RunContext context)
    {
        _bin = context.Options.PostgresBinDirectory ?? DefaultBinDirectory();
        if (_bin is null || !File.Exists(Path.Combine(_bin, "initdb")) || !File.Exists(Path.Combine(_bin, "postgres")))
        {
            throw new HostingException($"PostgreSQL server binaries (initdb, postgres) not found{(_bin is null ? "" : " in " + _bin)}: run `sudo apt-get install -y postgresql` or pass --postgres-bin");
        }
        _runAs = UnixUser.WhenRoot(UserName, "postgresql");
        var port = _fixedPort ?? context.Options.PostgresPort;
        Port = port is { } p ? Ports.Fixed(p, "--postgres-port") : Ports.Free();
        _directory = context.Data.For(Name);
        _password = DataDirectory.ReadOrCreate(PasswordFile, () => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant());
    }

    internal override async Task PrepareAsync(RunContext context, CancellationToken ct)
    {
        UnixUser.Own(_directory!, _runAs);
        if (File.Exists(Path.Combine(DataPath, "PG_VERSION")))
        {
            RemoveStaleLock(context);
            return;
        }

        // A half-made cluster from an interrupted initdb cannot be resumed.
        if (Directory.Exists(DataPath)) Directory.Delete(DataPath, recursive: true);
        context.Note(Name, $"initialising a new cluster in {DataPath}");
        var code = await ChildProcess.RunAsync(new ProcessSpec
        {
            FileName = Path.Combine(_bin!, "initdb"),
            Args = ["-D", DataPath, "-U", UserName, $"--pwfile={PasswordFile}", "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync"],
            WorkingDirectory = _directory!,
            RunAs = _runAs,
        }, line => context.Logs.Write(Name, line), ct);
        if (code != 0)
        {
            throw new HostingException($"initdb failed with exit code {code}: see {context.Logs.PathFor(Name)}");
        }
    }

    internal override ProcessSpec CreateSpec(RunContext context)
    {
        List<string> args =
        [
            "-D", DataPath,
            "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            "-c", $"max_connections={MaxConnections}",
            // Inside our own directory: the system socket folder is not ours to write to.
            "-c", $"unix_socket_directories={_directory}",
        ];
        if (context.Data.Temporary)
        {
            // Throw-away test data: durability buys nothing and costs every commit an fsync.
            args.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }
        return new ProcessSpec
        {
            FileName = Path.Combine(_bin!, "postgres"),
            Args = args,
            WorkingDirectory = _directory!,
            RunAs = _runAs,
            StopSignal = Native.SigInt, // fast shutdown: roll back open transactions, exit at once
        };
    }

    internal override async Task<bool> ProbeAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false;Timeout=3");
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return await command.ExecuteScalarAsync(ct) is 1;
    }

    /// <summary>Creates the database unless it exists.</summary>
    internal async Task EnsureDatabaseAsync(string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres") + ";Pooling=false");
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = database });
        if (await exists.ExecuteScalarAsync(ct) is not null) return;

        // The name is checked to be [a-z0-9_] when declared, so quoting it is enough.
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await create.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// A postmaster killed outright leaves postmaster.pid behind. PostgreSQL ignores it when the
    /// pid is gone, but not when the pid is a zombie nobody reaped (as under some container
    /// inits), so we remove it ourselves when that pid is not a live process.
    /// </summary>
    private void RemoveStaleLock(RunContext context)
    {
        var lockFile = Path.Combine(DataPath, "postmaster.pid");
        if (!File.Exists(lockFile)) return;
        var first = File.ReadLines(lockFile).FirstOrDefault();
        if (int.TryParse(first, CultureInfo.InvariantCulture, out var pid) && !ProcessTree.IsAlive(pid))
        {
            context.Note(Name, $"removing the stale postmaster.pid of dead process {pid}");
            File.Delete(lockFile);
        }
    }

    private static string? DefaultBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (Directory.Exists(root))
        {
            var newest = Directory.GetDirectories(root)
                .Select(dir => (Dir: dir, Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1))
                .Where(x => x.Version > 0 && File.Exists(Path.Combine(x.Dir, "bin", "postgres")))
                .OrderByDescending(x => x.Version)
                .FirstOrDefault();
            if (newest.Dir is not null) return Path.Combine(newest.Dir, "bin");
        }
        return Binaries.Find("postgres") is { } postgres ? Path.GetDirectoryName(postgres) : null;
    }
}
