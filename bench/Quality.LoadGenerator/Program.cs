using Quality.LoadGenerator;
using Quality.LoadGenerator.Options;
using Quality.LoadGenerator.Reporting;

if (args.Contains("--help"))
{
    Console.WriteLine(OptionParser.Usage);
    return 0;
}

LoadOptions options;
try
{
    options = OptionParser.Parse(args, RepositoryRoot.Find());
}
catch (OptionException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var run = new BenchmarkRun(options);
try
{
    var report = await run.RunAsync(cancel.Token);
    var path = ReportWriter.Write(report, options.OutputDirectory, options.Label);
    Console.WriteLine($"results: {path} (and .json)");
    if (run.LastAgentError is { } agentError)
    {
        Console.WriteLine($"last agent error: {agentError}");
    }

    return 0;
}
catch (RunException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled: no results written");
    return 130;
}
