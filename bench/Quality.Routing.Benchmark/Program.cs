using Quality.Benchmarking.CommandLine;
using Quality.Routing.Benchmark;
using Quality.Routing.Benchmark.Options;
using Quality.Routing.Benchmark.Reporting;

return await BenchmarkCommand.RunAsync(args, OptionParser.Usage, OptionParser.Parse, async (options, _, cancellationToken) =>
{
    var report = await new BenchmarkRun(options).RunAsync(cancellationToken);
    Console.WriteLine();
    foreach (var note in report.Notes)
    {
        Console.WriteLine($"note: {note}");
    }

    Console.WriteLine(RoutingMarkdown.Table(report));
    var path = ResultFiles.Write(report, RoutingMarkdown.Render(report), options.OutputDirectory, report.StartedAt, options.Label);
    Console.WriteLine($"results: {path} (and .json)");
    return 0;
});
