namespace Quality.Web.Benchmark.Measurement;

/// <summary>Once a second: the peak RSS of the web process, the peak PSS of the browser's processes, and the peak connections to the web port.</summary>
public sealed class ResourceSampler(ServiceProcess? web) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public double WebRssPeakMb { get; private set; }
    public double ClientPssPeakMb { get; private set; }
    public int ConnectionsPeak { get; private set; }

    public void Start() => _loop = Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            Sample();
        }
        while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
    });

    public void Sample()
    {
        if (web is not null)
        {
            WebRssPeakMb = Math.Max(WebRssPeakMb, web.RssMegabytes());
            ConnectionsPeak = Math.Max(ConnectionsPeak, web.Connections());
        }

        ClientPssPeakMb = Math.Max(ClientPssPeakMb, ClientProcesses.Sample().PssMegabytes);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            if (_loop is not null)
            {
                await _loop.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
