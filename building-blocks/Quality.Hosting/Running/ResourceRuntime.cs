namespace Quality.Hosting;

/// <summary>The live state of one resource, changed by whoever runs it and watched by the app.</summary>
internal sealed class ResourceRuntime(Resource resource)
{
    private readonly Lock _gate = new();

    public ResourceState State { get; private set; } = ResourceState.Pending;

    public HealthStatus Health { get; private set; } = HealthStatus.Unknown;

    public int? Pid { get; private set; }

    public int RestartCount { get; private set; }

    public int? ExitCode { get; private set; }

    public string? Error { get; private set; }

    public string? LogFile { get; set; }

    /// <summary>Completes the first time the resource is healthy; faults with the reason it never will be.</summary>
    public TaskCompletionSource FirstHealthy { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public event Action<ResourceSnapshot>? Changed;

    public void Set(ResourceState state, HealthStatus? health = null) => Change(() =>
    {
        State = state;
        if (health is { } h) Health = h;
        if (state == ResourceState.Healthy) FirstHealthy.TrySetResult();
    });

    public void Launched(int pid) => Change(() =>
    {
        State = ResourceState.Running;
        Health = HealthStatus.Unknown;
        Pid = pid;
        ExitCode = null;
    });

    public void ExitedWith(int code) => Change(() =>
    {
        State = ResourceState.Exited;
        Health = HealthStatus.Unknown;
        Pid = null;
        ExitCode = code;
        RestartCount++;
    });

    public void Fail(string error) => Change(() =>
    {
        State = ResourceState.Failed;
        Health = HealthStatus.Unhealthy;
        Error = error;
        FirstHealthy.TrySetException(new HostingException(error));
    });

    public void Stopped() => Change(() =>
    {
        if (State != ResourceState.Failed)
        {
            State = ResourceState.Stopped;
            Health = HealthStatus.Unknown;
        }
        Pid = null;
        FirstHealthy.TrySetException(new HostingException($"{resource.Name} was stopped before it became healthy"));
    });

    public ResourceSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new ResourceSnapshot(resource.Name, resource.Type, State, Health, resource.Url, Pid, RestartCount, ExitCode, Error, LogFile);
        }
    }

    private void Change(Action change)
    {
        ResourceSnapshot snapshot;
        lock (_gate)
        {
            change();
            snapshot = new ResourceSnapshot(resource.Name, resource.Type, State, Health, resource.Url, Pid, RestartCount, ExitCode, Error, LogFile);
        }
        Changed?.Invoke(snapshot);
    }
}
