namespace Quality.Hosting;

/// <summary>
/// Keeps one process resource running: launches it, probes its health, restarts it with a
/// doubling delay when it exits on its own, and stops it on request.
/// </summary>
internal sealed class Supervisor(ProcessResource resource, RunContext context)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _stop = new();
    private readonly ResourceRuntime _runtime = resource.Runtime;
    private Task _loop = Task.CompletedTask;
    private ChildProcess? _child;
    private string _lastLine = "";

    private DistributedApplicationOptions Options => context.Options;

    public void Start()
    {
        _loop = Task.Run(LoopAsync);
        _ = WatchHealthTimeoutAsync();
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        if (Interlocked.Exchange(ref _child, null) is { } child)
        {
            await child.StopAsync(Options.StopTimeout);
            context.Children.Remove(child.Pid);
            child.Dispose();
        }
    }

    public void Kill() => _child?.Kill();

    private async Task LoopAsync()
    {
        var backoff = new RestartBackoff(Options.FirstRestartDelay, Options.MaxRestartDelay, Options.StableAfter);
        while (!_stop.IsCancellationRequested)
        {
            ChildProcess child;
            try
            {
                _runtime.Set(ResourceState.Starting);
                var spec = resource.CreateSpec(context);
                context.Note(resource.Name, $"launching {spec.FileName} {string.Join(' ', spec.Args)}");
                child = ChildProcess.Start(spec, OnLine);
            }
            catch (Exception e) when (e is HostingException or System.ComponentModel.Win32Exception or IOException)
            {
                _runtime.Fail(e is HostingException ? e.Message : $"{resource.Name} could not be launched: {e.Message}");
                return;
            }

            _child = child;
            context.Children.Add(child.Pid);
            _runtime.Launched(child.Pid);
            var launched = DateTime.UtcNow;

            using (var probing = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
            {
                var probe = ProbeLoopAsync(child, probing.Token);
                await Task.WhenAny(child.Exited, Task.Delay(Timeout.Infinite, _stop.Token));
                await probing.CancelAsync();
                await probe;
            }
            if (_stop.IsCancellationRequested) return;

            _child = null;
            context.Children.Remove(child.Pid);
            var code = await child.Exited;
            child.Dispose();

            if (!resource.RestartBeforeHealthy && !_runtime.FirstHealthy.Task.IsCompleted)
            {
                _runtime.Fail($"{resource.Name} exited with code {code} before it became healthy: {_lastLine.Trim()} (log: {context.Logs.PathFor(resource.Name)})");
                return;
            }

            var delay = backoff.After(DateTime.UtcNow - launched);
            _runtime.ExitedWith(code);
            context.Note(resource.Name, $"exited with code {code}; restarting in {delay.TotalSeconds:0.#}s");
            try
            {
                await Task.Delay(delay, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ProbeLoopAsync(ChildProcess child, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested && !child.Exited.IsCompleted)
        {
            var healthy = await ProbeOnceAsync(ct);
            if (ct.IsCancellationRequested || child.Exited.IsCompleted) return;

            if (healthy && _runtime.State != ResourceState.Healthy) _runtime.Set(ResourceState.Healthy, HealthStatus.Healthy);
            else if (!healthy && _runtime.State == ResourceState.Healthy) _runtime.Set(ResourceState.Running, HealthStatus.Unhealthy);

            try
            {
                // Probe fast until the first answer so dependents start promptly, then just watch.
                await Task.Delay(healthy ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(200), ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> ProbeOnceAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            return await resource.ProbeAsync(timeout.Token);
        }
        catch (Exception)
        {
            // Any failure to answer is simply "not healthy yet"; the log says why if it matters.
            return false;
        }
    }

    private async Task WatchHealthTimeoutAsync()
    {
        try
        {
            await _runtime.FirstHealthy.Task.WaitAsync(Options.HealthTimeout, _stop.Token);
        }
        catch (TimeoutException)
        {
            _runtime.Fail($"{resource.Name} did not become healthy within {Options.HealthTimeout.TotalSeconds:0}s: see {context.Logs.PathFor(resource.Name)}");
            await StopAsync();
        }
        catch (Exception)
        {
            // Stopped, failed or healthy: nothing to watch any more.
        }
    }

    private void OnLine(string line)
    {
        _lastLine = line;
        context.Logs.Write(resource.Name, line);
    }
}
