using System.Globalization;
using System.Security.Cryptography;

namespace Quality.Hosting;

/// <summary>
/// The AppHost's data directory: server data, logs and secrets. Locked while an AppHost uses
/// it, so two AppHosts never start two servers on the same files.
/// </summary>
internal sealed class DataDirectory : IDisposable
{
    private FileStream? _lock;

    public DataDirectory(string root, bool temporary)
    {
        Root = root;
        Temporary = temporary;
    }

    public string Root { get; }

    public bool Temporary { get; }

    public string Logs => Path.Combine(Root, "logs");

    public string ChildrenFile => Path.Combine(Root, "children.pids");

    private string LockFile => Path.Combine(Root, "apphost.lock");

    private string PidFile => Path.Combine(Root, "apphost.pid");

    /// <summary>Creates and locks the directory, or explains who holds it.</summary>
    public void Acquire()
    {
        Directory.CreateDirectory(Root);

        // Servers run as their own users must be able to pass through (not list) the root.
        File.SetUnixFileMode(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        try
        {
            // On Linux, FileShare.None takes an exclusive flock, released by the kernel if we die.
            _lock = new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var holder = File.Exists(PidFile) ? File.ReadAllText(PidFile).Trim() : "unknown";
            throw new HostingException($"data directory {Root} is in use by another AppHost (pid {holder}): stop it or pass --data-dir");
        }
        File.WriteAllText(PidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Logs);
        File.SetUnixFileMode(Logs, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>A folder for one resource's files.</summary>
    public string For(string name) => Directory.CreateDirectory(Path.Combine(Root, name)).FullName;

    /// <summary>A random secret (base64), made once and kept in <c>secrets/</c> so restarts reuse it.</summary>
    public string Secret(string name, int bytes = 32) =>
        ReadOrCreate(Path.Combine(Root, "secrets", name), () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)));

    /// <summary>A value read from a file, or made and written there (mode 0600) the first time.</summary>
    public static string ReadOrCreate(string path, Func<string> create)
    {
        // Projects launch in parallel and may ask for the same secret at once: one of them makes it.
        lock (CreateLock)
        {
            return ReadOrCreateUnlocked(path, create);
        }
    }

    private static readonly Lock CreateLock = new();

    private static string ReadOrCreateUnlocked(string path, Func<string> create)
    {
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var value = create();
        using (var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        using (var writer = new StreamWriter(file))
        {
            writer.Write(value);
        }
        return value;
    }

    public void Dispose()
    {
        if (_lock is null) return;
        try
        {
            File.Delete(PidFile);
        }
        catch (IOException)
        {
            // Harmless: the pid file only decorates the lock error.
        }
        _lock.Dispose();
        _lock = null;
        if (Temporary) DeleteQuietly();
    }

    private void DeleteQuietly()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is not worth failing a stop for.
        }
    }
}
