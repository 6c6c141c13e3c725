using Quality.Notifications.Benchmark;
using Quality.Notifications.Benchmark.Options;
using Quality.Notifications.Benchmark.Reporting;

if (args.Contains("--help"))
{
    Console.WriteLine(OptionParser.Usage);
    return 0;
}

BenchOptions options;
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

try
{
    var report = await new BenchmarkRun(options).RunAsync(cancel.Token);
    Console.WriteLine();
    Console.Write(MarkdownReport.SummaryTable(report.Stages));
    var path = ResultFiles.Write(report, MarkdownReport.Render(report), options.OutputDirectory, report.StartedAt, options.Label);
    Console.WriteLine($"results: {path} (and .json)");
    return 0;
}
catch (RunException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled: no results written (the run's rules were deleted)");
    return 130;
}
