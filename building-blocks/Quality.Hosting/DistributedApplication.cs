namespace Quality.Hosting;

/// <summary>
/// The built application: starts its resources in dependency order, each once what it waits
/// for is healthy; supervises them; stops them all, leaving no process behind.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly IReadOnlyList<Resource> _resources;
    private readonly IReadOnlyList<Secret> _secrets;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private RunContext? _context;
    private Task? _stopTask;
    private bool _started;

    internal DistributedApplication(DistributedApplicationOptions options, IReadOnlyList<Resource> resources, IReadOnlyList<Secret> secrets)
    {
        Options = options;
        _resources = resources;
        _secrets = secrets;
        RepositoryRoot = Path.GetFullPath(options.RepositoryRoot ?? Repository.FindRoot());
        DataDirectory = options.UseTemporaryDataDirectory
            ? Path.Combine(Path.GetTempPath(), "quality-" + Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal))
            : Path.GetFullPath(options.DataDirectory ?? Path.Combine(RepositoryRoot, ".quality"));
        foreach (var resource in resources) resource.Runtime.Changed += OnChanged;
    }

    /// <summary>Raised on every change of a resource's state, health, pid or restart count.</summary>
    public event Action<ResourceSnapshot>? ResourceChanged;

    public DistributedApplicationOptions Options { get; }

    public string RepositoryRoot { get; }

    public string DataDirectory { get; }

    /// <summary>Every resource as it is now.</summary>
    public IReadOnlyList<ResourceSnapshot> Resources => [.. _resources.Select(r => r.Runtime.Snapshot())];

    public static DistributedApplicationBuilder CreateBuilder(string[] args) =>
        new(new DistributedApplicationOptions { Args = args });

    public static DistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options) => new(options);

    /// <summary>Whether the application runs a resource of this name (<c>--only</c> may have left it out).</summary>
    public bool Has(string name) => TryFind(name) is not null;

    public ResourceSnapshot GetResource(string name) => Find(name).Runtime.Snapshot();

    /// <summary>The connection string of a database, Redis, RabbitMQ or PostgreSQL server; after start.</summary>
    public string GetConnectionString(string name) =>
        Find(name) is IResourceWithConnectionString withConnection
            ? withConnection.ConnectionString
            : throw new ArgumentException($"{name} has no connection string", nameof(name));

    /// <summary>A project's endpoint (<c>http</c> or <c>grpc</c>); after start.</summary>
    public Uri GetEndpoint(string name, string endpoint) =>
        Find(name).Endpoint(endpoint) ?? throw new ArgumentException($"{name} has no endpoint {endpoint} (yet)", nameof(endpoint));

    /// <summary>An endpoint as people read and paste it: no trailing slash. After start.</summary>
    public string GetUrl(string name, string endpoint) => GetEndpoint(name, endpoint).ToString().TrimEnd('/');

    /// <summary>Starts everything and returns once all are healthy; on failure stops what it started and throws <see cref="HostingException"/>.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (_started) throw new InvalidOperationException("the application was already started");
            _started = true;
        }
        try
        {
            var context = CreateContext();
            foreach (var resource in _resources) resource.Resolve(context);
            AppDomain.CurrentDomain.ProcessExit += KillOnExit;

            var launches = _resources.Select(r => LaunchAsync(r, context)).ToList();
            await WaitUntilHealthyAsync(ct);
            await Task.WhenAll(launches);
        }
        catch (Exception e)
        {
            await StopAsync();
            if (e is HostingException or OperationCanceledException) throw;
            throw new HostingException($"start failed: {e.Message}", e);
        }
    }

    /// <summary>
    /// Starts everything with the resource table and prefixed logs on the console, then waits
    /// for Ctrl+C, SIGTERM or the token, and stops everything. <paramref name="afterStart"/> may
    /// add a message for the user once everything is healthy (e.g. how to try the system).
    /// </summary>
    public async Task RunAsync(CancellationToken ct = default, Func<string>? afterStart = null)
    {
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, OnSignal);
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, OnSignal);

        // A closed terminal would otherwise end us mid-stop, leaving children behind.
        using var sighup = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGHUP, OnSignal);
        void OnSignal(System.Runtime.InteropServices.PosixSignalContext signal)
        {
            signal.Cancel = true; // we exit on our own, once every child is stopped
            shutdown.Cancel();
        }

        var view = new ConsoleView();
        Options.ConsoleOutput = true;
        _view = view;
        try
        {
            await StartAsync(shutdown.Token);
            view.WriteLine(Summary());
            if (afterStart is not null) view.WriteLine(afterStart());
            await Task.Delay(Timeout.Infinite, shutdown.Token);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            // Ctrl+C, SIGTERM or the caller's token: the normal way out.
        }
        finally
        {
            view.WriteLine("stopping…");
            await StopAsync();
            view.Detach();
        }
    }

    /// <summary>Stops every resource, dependents first. Safe to call more than once.</summary>
    public Task StopAsync()
    {
        lock (_gate)
        {
            _started = true;
            return _stopTask ??= StopCoreAsync();
        }
    }

    public async Task<ResourceSnapshot> WaitForResourceAsync(string name, ResourceState state, CancellationToken ct = default) =>
        await WaitForResourceAsync(name, s => s.State == state, ct);

    /// <summary>Completes with the first snapshot of the resource that matches.</summary>
    public async Task<ResourceSnapshot> WaitForResourceAsync(string name, Func<ResourceSnapshot, bool> match, CancellationToken ct = default)
    {
        var runtime = Find(name).Runtime;
        var found = new TaskCompletionSource<ResourceSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChange(ResourceSnapshot s)
        {
            if (match(s)) found.TrySetResult(s);
        }
        runtime.Changed += OnChange;
        try
        {
            OnChange(runtime.Snapshot());
            return await found.Task.WaitAsync(ct);
        }
        finally
        {
            runtime.Changed -= OnChange;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private ConsoleView? _view;

    private RunContext CreateContext()
    {
        var data = new DataDirectory(DataDirectory, Options.UseTemporaryDataDirectory);
        data.Acquire();
        var children = new ChildRegistry(data.ChildrenFile);
        children.KillLeftovers();
        var logs = new LogHub(data.Logs) { Console = Options.ConsoleOutput ? _view ??= new ConsoleView() : null };
        foreach (var secret in _secrets) secret.Bind(data);
        var configuration = Options.Configuration ?? Repository.Configuration();
        return _context = new RunContext(Options, data, logs, children, RepositoryRoot, configuration, _stopping.Token);
    }

    /// <summary>Waits for what the resource starts after, then starts it; failures end up in its state.</summary>
    private async Task LaunchAsync(Resource resource, RunContext context)
    {
        try
        {
            var dependencies = resource.StartsAfter.ToList();
            if (dependencies.Count > 0)
            {
                resource.Runtime.Set(ResourceState.Waiting);
                await Task.WhenAll(dependencies.Select(d => d.Runtime.FirstHealthy.Task)).WaitAsync(_stopping.Token);
            }
            await resource.StartAsync(context, _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped while waiting.
        }
        catch (HostingException e)
        {
            resource.Runtime.Fail(e.Message);
        }
        catch (Exception e)
        {
            // A dependency failed (its own message is reported first) or preparing failed.
            resource.Runtime.Fail($"{resource.Name}: {e.Message}");
        }
    }

    /// <summary>Returns when every resource is healthy; throws the first failure as soon as it happens.</summary>
    private async Task WaitUntilHealthyAsync(CancellationToken ct)
    {
        var pending = _resources.Select(r => r.Runtime.FirstHealthy.Task).ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending).WaitAsync(ct);
            await done; // rethrows the failure
            pending.Remove(done);
        }
    }

    private async Task StopCoreAsync()
    {
        await _stopping.CancelAsync();
        if (_context is not { } context) return;

        foreach (var group in DependencyOrder.StopGroups(_resources))
        {
            await Task.WhenAll(group.Select(r => r.StopAsync(context)));
        }
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        context.Logs.Dispose();
        context.Data.Dispose();
    }

    private string Summary()
    {
        var shown = _resources.Where(r => r.Url is not null).ToList();
        var nameWidth = shown.Max(r => r.Name.Length) + 2;
        var urlWidth = shown.Max(r => r.Url!.Length) + 2;
        var lines = shown.Select(r => $"  {r.Name.PadRight(nameWidth)}{r.Url!.PadRight(urlWidth)}logs: {_context!.Logs.PathFor(r.Name)}");
        return "all resources are healthy; Ctrl+C stops them:\n" + string.Join('\n', lines);
    }

    private void OnChanged(ResourceSnapshot snapshot)
    {
        _view?.Update(Resources);
        ResourceChanged?.Invoke(snapshot);
    }

    /// <summary>The process is exiting without StopAsync (an unhandled crash, Environment.Exit): kill children at once.</summary>
    private void KillOnExit(object? sender, EventArgs e)
    {
        foreach (var resource in _resources) resource.Kill();
    }

    private Resource Find(string name) => TryFind(name) ?? throw new ArgumentException($"no resource named {name}", nameof(name));

    private Resource? TryFind(string name) => _resources.FirstOrDefault(r => r.Name == name);
}
