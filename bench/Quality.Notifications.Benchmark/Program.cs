using Quality.Benchmarking.CommandLine;
using Quality.Notifications.Benchmark;
using Quality.Notifications.Benchmark.Options;
using Quality.Notifications.Benchmark.Reporting;

return await BenchmarkCommand.RunAsync(args, OptionParser.Usage, OptionParser.Parse, async (options, _, cancellationToken) =>
{
    var report = await new BenchmarkRun(options).RunAsync(cancellationToken);
    Console.WriteLine();
    Console.Write(MarkdownReport.SummaryTable(report.Stages));
    var path = ResultFiles.Write(report, MarkdownReport.Render(report), options.OutputDirectory, report.StartedAt, options.Label);
    Console.WriteLine($"results: {path} (and .json)");
    return 0;
}, cancelledNote: "no results written (the run's rules were deleted)");
