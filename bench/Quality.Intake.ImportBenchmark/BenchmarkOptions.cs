namespace Quality.Intake.ImportBenchmark;

/// <summary>What to measure; see <see cref="Usage"/>.</summary>
internal sealed record BenchmarkOptions
{
    public const string Usage = """
        dotnet run --project bench/Quality.Intake.ImportBenchmark -c Release -- [options]
          --rows N          rows in the generated import file (default 100000; 0 skips the import)
          --format F        csv (default) or jsonl
          --warm-up-rows N  rows of an import run first and not counted (default 100000; 0: none)
          --batch-size N    Intake:Import:BatchSize (default: Intake's own)
          --post-seconds S  measure single-item POSTs for S seconds each: closed-loop throughput, then a fixed rate (default 0: skip)
          --concurrency N   clients in the closed-loop run (default 16)
          --rate R          requests/s in the fixed-rate run (default 1000)
          --warm-up S       seconds of each POST run before it is measured, not counted (default 20)
        """;

    public int Rows { get; init; } = 100_000;
    public string Format { get; init; } = "csv";
    public int WarmUpRows { get; init; } = 100_000;
    public int? BatchSize { get; init; }
    public int PostSeconds { get; init; }
    public int Concurrency { get; init; } = 16;
    public int Rate { get; init; } = 1000;
    public int WarmUpSeconds { get; init; } = 20;

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
                "--warm-up-rows" => options with { WarmUpRows = NotNegative(args[i], value) },
                "--batch-size" => options with { BatchSize = int.Parse(value) },
                "--post-seconds" => options with { PostSeconds = int.Parse(value) },
                "--concurrency" => options with { Concurrency = int.Parse(value) },
                "--rate" => options with { Rate = int.Parse(value) },
                "--warm-up" => options with { WarmUpSeconds = NotNegative(args[i], value) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            i++;
        }

        return options;
    }

    private static int NotNegative(string option, string value) =>
        int.Parse(value) is var number and >= 0 ? number : throw new ArgumentException($"{option} must be 0 or more");
}
