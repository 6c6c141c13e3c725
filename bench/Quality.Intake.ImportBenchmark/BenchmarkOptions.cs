namespace Quality.Intake.ImportBenchmark;

/// <summary>What to measure; see <see cref="Usage"/>.</summary>
internal sealed record BenchmarkOptions
{
    public const string Usage = """
        dotnet run --project bench/Quality.Intake.ImportBenchmark -c Release -- [options]
          --rows N          rows in the generated import file (default 100000; 0 skips the import)
          --format F        csv (default) or jsonl
          --batch-size N    Intake:Import:BatchSize (default: Intake's own)
          --post-seconds S  measure single-item POSTs for S seconds each: closed-loop throughput, then a fixed rate (default 0: skip)
          --concurrency N   clients in the closed-loop run (default 16)
          --rate R          requests/s in the fixed-rate run (default 1000)
        """;

    public int Rows { get; init; } = 100_000;
    public string Format { get; init; } = "csv";
    public int? BatchSize { get; init; }
    public int PostSeconds { get; init; }
    public int Concurrency { get; init; } = 16;
    public int Rate { get; init; } = 1000;

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--rows" => options with { Rows = int.Parse(value) },
                "--format" => options with { Format = value is "csv" or "jsonl" ? value : throw new ArgumentException("--format is csv or jsonl") },
                "--batch-size" => options with { BatchSize = int.Parse(value) },
                "--post-seconds" => options with { PostSeconds = int.Parse(value) },
                "--concurrency" => options with { Concurrency = int.Parse(value) },
                "--rate" => options with { Rate = int.Parse(value) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            i++;
        }

        return options;
    }
}
