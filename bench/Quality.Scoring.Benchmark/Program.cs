using Quality.Scoring.Benchmark;
using Quality.Scoring.Benchmark.Options;
using Quality.Scoring.Benchmark.Reporting;

if (args.Contains("--help"))
{
    Console.WriteLine(OptionParser.Usage);
    return 0;
}

var root = RepositoryRoot.Find();
Quality.Scoring.Benchmark.Options.BenchmarkOptions options;
try
{
    options = OptionParser.Parse(args, root);
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

try
{
    var report = await new BenchmarkRun(options, root).RunAsync(cancel.Token);
    ConsoleSummary.Print(report);
    var path = ResultFiles.Write(report, MarkdownReport.Render(report), options.OutputDirectory, report.StartedAt, options.Label);
    Console.WriteLine($"results: {path} (and .json)");
    if (report.Folding.Any(f => !f.Complete))
    {
        Console.Error.WriteLine("error: Scoring did not account for every published event in time (see the results)");
        return 1;
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
