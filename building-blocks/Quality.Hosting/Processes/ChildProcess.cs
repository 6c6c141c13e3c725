using System.Diagnostics;

namespace Quality.Hosting;

/// <summary>
/// One launched process: its output goes line by line to a callback, and stopping it asks
/// politely, then kills whatever is left of its tree.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ProcessSpec _spec;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process, ProcessSpec spec)
    {
        _process = process;
        _spec = spec;
    }

    public int Pid => _process.Id;

    /// <summary>Completes with the exit code when the process itself ends (not when its output closes).</summary>
    public Task<int> Exited => _exited.Task;

    public static ChildProcess Start(ProcessSpec spec, Action<string> onLine)
    {
        var info = new ProcessStartInfo
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Its own session: a Ctrl+C in the terminal reaches only the AppHost, which then stops
        // children in dependency order, and the whole group can be killed at once.
        var chain = new List<string>();
        if (Binaries.Find("setsid") is { } setsid) chain.Add(setsid);
        if (Binaries.Find("setpriv") is { } setpriv)
        {
            // SIGTERM when the AppHost dies without stopping it (SIGKILL, a crash): no orphans.
            chain.AddRange([setpriv, "--pdeathsig", "TERM"]);
            if (spec.RunAs is { } user) chain.AddRange([$"--reuid={user}", $"--regid={user}", "--init-groups"]);
            chain.Add("--");
        }
        else if (spec.RunAs is { } user)
        {
            throw new HostingException($"setpriv not found, needed to run as {user}: run `sudo apt-get install -y util-linux`");
        }
        chain.Add(spec.FileName);
        chain.AddRange(spec.Args);

        info.FileName = chain[0];
        foreach (var arg in chain.Skip(1)) info.ArgumentList.Add(arg);
        foreach (var (key, value) in spec.Environment) info.Environment[key] = value;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, spec);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data); };
        process.Exited += (_, _) => child._exited.TrySetResult(SafeExitCode(process));
        Launcher.Run(() => process.Start());
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a process to its end (initdb, chown…), returning its exit code.</summary>
    public static async Task<int> RunAsync(ProcessSpec spec, Action<string> onLine, CancellationToken ct)
    {
        using var child = Start(spec, onLine);
        try
        {
            return await child.Exited.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            await child.StopAsync(TimeSpan.FromSeconds(2));
            throw;
        }
    }

    /// <summary>Sends the polite signal, waits up to the timeout, then kills the tree. Never throws.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        var family = Snapshot();
        if (!Exited.IsCompleted)
        {
            Native.Signal(Pid, _spec.StopSignal);
            await Task.WhenAny(Exited, Task.Delay(timeout));
        }

        // Whatever is left of the tree we saw, including children that left our session.
        foreach (var (pid, started) in family.Concat(Exited.IsCompleted ? [] : Snapshot()))
        {
            if (started is not null && ProcessTree.StartTime(pid) == started) Native.Signal(pid, Native.SigKill);
        }
        Native.Signal(-Pid, Native.SigKill);
        await Task.WhenAny(Exited, Task.Delay(TimeSpan.FromSeconds(5)));
    }

    /// <summary>Kills the tree at once; for the process-exit hook where nothing may wait.</summary>
    public void Kill()
    {
        foreach (var (pid, started) in Snapshot())
        {
            if (started is not null && ProcessTree.StartTime(pid) == started) Native.Signal(pid, Native.SigKill);
        }
        Native.Signal(-Pid, Native.SigKill);
    }

    public void Dispose() => _process.Dispose();

    private List<(int Pid, long? Started)> Snapshot() =>
        [.. ProcessTree.Family(Pid).Select(pid => (pid, ProcessTree.StartTime(pid)))];

    private static int SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }
}
