using Quality.BadInput;
using Quality.BadInput.Options;
using Quality.BadInput.Reporting;

return await BenchmarkCommand.RunAsync(args, OptionParser.Usage, OptionParser.Parse, async (options, _, cancellationToken) =>
{
    var startedAt = DateTimeOffset.UtcNow;
    var report = await new BadInputRun(options, Console.Out).RunAsync(cancellationToken);
    var markdown = ConsoleReport.Write(report);
    Console.WriteLine(markdown);
    if (options.OutputDirectory is not null)
    {
        var written = ResultFiles.Write(report.ForFile(), markdown, options.OutputDirectory, startedAt, "bad-input");
        Console.WriteLine($"results: {written}");
    }

    return report.Passed ? 0 : 1;
}, cancelledNote: "stopped; the suite's API keys were revoked");
