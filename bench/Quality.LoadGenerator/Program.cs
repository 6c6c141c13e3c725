using System.Runtime.InteropServices;
using Quality.LoadGenerator;
using Quality.LoadGenerator.Demo;
using Quality.LoadGenerator.Options;
using Quality.LoadGenerator.Reporting;

return await BenchmarkCommand.RunAsync(args, OptionParser.Usage, OptionParser.Parse, async (options, _, cancellationToken) =>
{
    if (options.Demo)
    {
        // The AppHost stops its resources with SIGTERM: the agents go offline before the process ends.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stopping.Cancel();
        });
        try
        {
            await new DemoRun(options, Console.Out).RunAsync(stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }

        return 0;
    }

    var run = new BenchmarkRun(options);
    var report = await run.RunAsync(cancellationToken);
    var path = ReportWriter.Write(report, options.OutputDirectory, options.Label);
    Console.WriteLine($"results: {path} (and .json)");
    if (run.LastAgentError is { } agentError)
    {
        Console.WriteLine($"last agent error: {agentError}");
    }

    return 0;
});
