using System.Globalization;

namespace Quality.Hosting;

/// <summary>
/// Remembers the processes we launched in the data directory, so an AppHost that was killed
/// outright (SIGKILL, a crash) has its orphans cleaned up by the next one on the same directory.
/// </summary>
internal sealed class ChildRegistry(string file)
{
    private readonly Dictionary<int, long> _live = [];

    public void Add(int pid)
    {
        lock (_live)
        {
            if (ProcessTree.StartTime(pid) is { } started) _live[pid] = started;
            Save();
        }
    }

    public void Remove(int pid)
    {
        lock (_live)
        {
            _live.Remove(pid);
            Save();
        }
    }

    /// <summary>Kills the trees of processes a previous AppHost left running.</summary>
    public void KillLeftovers()
    {
        if (!File.Exists(file)) return;
        foreach (var line in File.ReadAllLines(file))
        {
            var parts = line.Split(' ');
            if (parts.Length != 2
                || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid)
                || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var started)
                || ProcessTree.StartTime(pid) != started)
            {
                continue;
            }
            foreach (var member in ProcessTree.Family(pid)) Native.Signal(member, Native.SigKill);
            Native.Signal(-pid, Native.SigKill);
        }
        File.Delete(file);
        Thread.Sleep(200); // let the kernel release their ports and the postmaster lock
    }

    private void Save() =>
        File.WriteAllLines(file, _live.Select(p => $"{p.Key.ToString(CultureInfo.InvariantCulture)} {p.Value.ToString(CultureInfo.InvariantCulture)}"));
}
