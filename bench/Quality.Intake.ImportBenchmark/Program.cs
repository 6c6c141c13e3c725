using Quality.Benchmarking.Reporting;
using Quality.Hosting;
using Quality.Intake.ImportBenchmark;

// Usage: see BenchmarkOptions.Usage. Prints figures; the machine's load is printed with them, since they mean
// little without it.
if (args.Contains("--help"))
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"error: {e.Message}\n{BenchmarkOptions.Usage}");
    return 2;
}

Console.WriteLine($"Starting PostgreSQL, RabbitMQ and Intake (Release) … {MachineInfo.LoadLine()}");
try
{
    await using var system = await IntakeSystem.StartAsync(options);
    if (options.Rows > 0)
    {
        var runId = Guid.NewGuid().ToString("N")[..8];
        var path = await FeedbackFile.WriteAsync(options.Rows, options.Format, runId);
        try
        {
            await ImportRun.MeasureAsync(system, path, options.Format);
        }
        finally
        {
            File.Delete(path);
        }

        Console.WriteLine($"  ({MachineInfo.LoadLine()})");
    }

    if (options.PostSeconds > 0)
    {
        await PostRun.ThroughputAsync(system, options.PostSeconds, options.Concurrency);
        Console.WriteLine($"  ({MachineInfo.LoadLine()})");
        await PostRun.LatencyAsync(system, options.PostSeconds, options.Rate);
        Console.WriteLine($"  ({MachineInfo.LoadLine()})");
    }

    return 0;
}
catch (HostingException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
