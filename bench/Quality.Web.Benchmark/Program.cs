using Quality.Web.Benchmark;
using Quality.Web.Benchmark.Options;
using Quality.Web.Benchmark.Reporting;

return await BenchmarkCommand.RunAsync(args, OptionParser.Usage, OptionParser.Parse, async (options, _, cancellationToken) =>
{
    var report = await new BenchmarkRun(options).RunAsync(cancellationToken);
    var markdown = MarkdownReport.Render(report);
    Console.WriteLine();
    Console.WriteLine(markdown);
    var path = ResultFiles.Write(report, markdown, options.OutputDirectory, report.StartedAt, options.Label);
    Console.WriteLine($"results: {path} (and .json)");
    return 0;
});
