using System.Diagnostics;

namespace Quality.Hosting;

/// <summary>Running servers as their own system user when the AppHost runs as root.</summary>
internal static class UnixUser
{
    /// <summary>The user to run as: the given one when we are root, else null (run as ourselves).</summary>
    public static string? WhenRoot(string user, string package)
    {
        if (!Native.IsRoot) return null;
        if (!Exists(user)) throw new HostingException($"user {user} not found: run `sudo apt-get install -y {package}` (it creates the user)");
        return user;
    }

    /// <summary>Gives a directory tree to the user, mode 0700 at the top, so only it (and root) can read it.</summary>
    public static void Own(string directory, string? user)
    {
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (user is null) return;
        Run("chown", "-R", $"{user}:{user}", directory);
        EnsureTraversable(directory, user);
    }

    /// <summary>
    /// The user must be able to walk down to its directory: every ancestor needs o+x. We only
    /// fix ancestors inside our data directory; others we report.
    /// </summary>
    private static void EnsureTraversable(string directory, string user)
    {
        for (var dir = Path.GetDirectoryName(directory); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if ((File.GetUnixFileMode(dir) & UnixFileMode.OtherExecute) != 0) continue;
            throw new HostingException(
                $"{directory} is not reachable by user {user} because {dir} is not searchable by others: run `chmod o+x {dir}` or pass --data-dir under /tmp");
        }
    }

    public static void Run(string command, params string[] args)
    {
        var info = new ProcessStartInfo(Binaries.Find(command) ?? command)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new HostingException($"{command} {string.Join(' ', args)} failed: {error.Trim().ReplaceLineEndings(" ")}");
        }
    }

    private static bool Exists(string user) =>
        File.ReadLines("/etc/passwd").Any(line => line.StartsWith(user + ":", StringComparison.Ordinal));
}
