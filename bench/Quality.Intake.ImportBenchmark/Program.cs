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
        if (options.WarmUpRows > 0)
        {
            await ImportAsync(system, options.WarmUpRows, measured: false);
        }

        await ImportAsync(system, options.Rows, measured: true);
        Console.WriteLine($"  ({MachineInfo.LoadLine()})");
    }

    if (options.PostSeconds > 0)
    {
        await PostRun.ThroughputAsync(system, options.PostSeconds, options.Concurrency, options.WarmUpSeconds);
        Console.WriteLine($"  ({MachineInfo.LoadLine()})");
        await PostRun.LatencyAsync(system, options.PostSeconds, options.Rate, options.WarmUpSeconds);
        Console.WriteLine($"  ({MachineInfo.LoadLine()})");
    }

    return 0;
}
catch (HostingException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

async Task ImportAsync(IntakeSystem system, int rows, bool measured)
{
    var path = await FeedbackFile.WriteAsync(rows, options.Format, runId: Guid.NewGuid().ToString("N")[..8]);
    try
    {
        await ImportRun.MeasureAsync(system, path, options.Format, measured);
    }
    finally
    {
        File.Delete(path);
    }
}
