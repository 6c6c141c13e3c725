using Quality.LoadGenerator;
using Quality.LoadGenerator.Options;
using Quality.LoadGenerator.Reporting;

return await BenchmarkCommand.RunAsync(args, OptionParser.Usage, OptionParser.Parse, async (options, _, cancellationToken) =>
{
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
