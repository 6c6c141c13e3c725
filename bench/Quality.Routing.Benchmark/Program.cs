using Quality.Benchmarking.Configuration;
using Quality.Routing.Benchmark;
using Quality.Routing.Benchmark.Options;
using Quality.Routing.Benchmark.Reporting;

if (args.Contains("--help"))
{
    Console.WriteLine(OptionParser.Usage);
    return 0;
}

BenchmarkOptions options;
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
    foreach (var note in report.Notes)
    {
        Console.WriteLine($"note: {note}");
    }

    Console.WriteLine(RoutingMarkdown.Table(report));
    var path = ResultFiles.Write(report, RoutingMarkdown.Render(report), options.OutputDirectory, report.StartedAt, options.Label);
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
    Console.Error.WriteLine("cancelled: no results written");
    return 130;
}
