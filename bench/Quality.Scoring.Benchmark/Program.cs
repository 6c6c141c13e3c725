using Quality.Benchmarking.CommandLine;
using Quality.Scoring.Benchmark;
using Quality.Scoring.Benchmark.Options;
using Quality.Scoring.Benchmark.Reporting;

return await BenchmarkCommand.RunAsync(args, OptionParser.Usage, OptionParser.Parse, async (options, root, cancellationToken) =>
{
    var report = await new BenchmarkRun(options, root).RunAsync(cancellationToken);
    ConsoleSummary.Print(report);
    var path = ResultFiles.Write(report, MarkdownReport.Render(report), options.OutputDirectory, report.StartedAt, options.Label);
    Console.WriteLine($"results: {path} (and .json)");
    if (report.Folding.Any(f => !f.Complete))
    {
        Console.Error.WriteLine("error: Scoring did not account for every published event in time (see the results)");
        return 1;
    }

    if (report.Transport is { Complete: false })
    {
        Console.Error.WriteLine("error: the counting consumers did not take every published event in time (see the results)");
        return 1;
    }

    return 0;
});
