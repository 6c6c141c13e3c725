namespace Quality.Hosting;

/// <summary>A resource that is one supervised process: restarted when it crashes, probed for health.</summary>
public abstract class ProcessResource : Resource
{
    private Supervisor? _supervisor;

    private protected ProcessResource(string name, string type)
        : base(name, type)
    {
    }

    /// <summary>
    /// Whether a crash before the first healthy answer is retried. Servers say no: a server that
    /// dies on start is misconfigured, and waiting out the health timeout would only hide why.
    /// </summary>
    internal virtual bool RestartBeforeHealthy => true;

    /// <summary>One-time setup before the first launch (initdb, config files).</summary>
    internal virtual Task PrepareAsync(RunContext context, CancellationToken ct) => Task.CompletedTask;

    /// <summary>How to launch the process; asked again before every restart.</summary>
    internal abstract ProcessSpec CreateSpec(RunContext context);

    /// <summary>True when the process answers. By default a running process is healthy.</summary>
    internal virtual Task<bool> ProbeAsync(CancellationToken ct) => Task.FromResult(true);

    internal override async Task StartAsync(RunContext context, CancellationToken ct)
    {
        Runtime.LogFile = context.Logs.PathFor(Name);
        Runtime.Set(ResourceState.Starting);
        await PrepareAsync(context, ct);
        _supervisor = new Supervisor(this, context);
        _supervisor.Start();
    }

    internal override async Task StopAsync(RunContext context)
    {
        if (_supervisor is { } supervisor)
        {
            // A failed resource keeps showing Failed (and why) after the stop.
            if (Runtime.State != ResourceState.Failed) Runtime.Set(ResourceState.Stopping);
            await supervisor.StopAsync();
        }
        Runtime.Stopped();
    }

    internal override void Kill() => _supervisor?.Kill();
}
