using System.Globalization;

namespace Quality.Scoring.Benchmark.Options;

/// <summary>Turns the command line (and <c>quality.env</c> for what it leaves out) into <see cref="BenchmarkOptions"/>.</summary>
public static class OptionParser
{
    public const string Usage = """
        dotnet run --project bench/Quality.Scoring.Benchmark -c Release -- [options]

        Measures Scoring in a Quality system started by the AppHost (scripts/run.sh): events folded into live
        KPIs per second, KPI query latency (gRPC and HTTP), and the live feed (change latency, subscribers held,
        memory). Writes the results to docs/benchmarks/.

        System (default: read from .quality/quality.env, which the AppHost writes):
          --env FILE             environment file with QUALITY_TOKEN, SCORING_URL, SCORING_GRPC, RABBITMQ_URI
          --scoring URL          Scoring's HTTP endpoint     --scoring-grpc URL   its gRPC (HTTP/2) endpoint
          --token TOKEN          an admin or quality-manager token
          --rabbitmq URI         AMQP URI of the system's broker
          --data-dir DIR         the AppHost's data directory, to find the Scoring process for its memory
                                 (default: the directory of the environment file)
        What:
          --stages LIST          fold,transport,query,feed: default fold,query,feed, in that order. transport
                                 publishes the fold stages' kind of traffic to queues of its own, consumed
                                 through MassTransit by consumers that only count: the ceiling the broker,
                                 the publisher and the receive pipeline alone put on folding
        Folding:
          --events N             events per fold stage (default 50000)
          --warm-up-events N     folded once before the measured stages, as fast as possible and not counted, so
                                 they measure warm processes rather than the JIT compiling a fresh system's code
                                 (default 80000; 0 = none)
          --rate LIST            events/s per fold stage, comma-separated; "max" = as fast as possible (default max)
          --teams N              teams per stage, 1-100 (default 5)
          --agents-per-team N    1-100 (default 10)
          --publishers N         publishing channels, 1-16 (default 2)
          --fold-timeout SECONDS how long to wait for Scoring to account for every event (default 300)
        Queries:
          --clients N            concurrent GetKpis callers (default 32)
          --query-duration SECONDS  measured time (default 20)
          --query-periods LIST   last_hour (from Redis) and/or day (from PostgreSQL), comma-separated (default both,
                                 asked in turn by each client; last_hour alone measures Redis answers undisturbed)
        Live feed:
          --subscribers N        WatchKpis streams on the replica (default 1000)
          --feed-rounds N        changes published one after another (default 20)
          --feed-interval MS     pause between changes (default 500)
        Output:
          --output DIR           where results go (default docs/benchmarks)
          --label TEXT           file name label (default scoring)
          --seed N               random seed (default 7)
          --help
        """;

    private static readonly HashSet<string> Flags = ["help"];

    private static readonly HashSet<string> Known =
    [
        "env", "scoring", "scoring-grpc", "token", "rabbitmq", "data-dir", "stages", "events", "warm-up-events", "rate", "teams", "agents-per-team",
        "publishers", "fold-timeout", "clients", "query-duration", "query-periods", "subscribers", "feed-rounds", "feed-interval", "output", "label", "seed",
    ];

    private static readonly HashSet<string> Secrets = ["--token", "--rabbitmq"];

    public static BenchmarkOptions Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        var given = CommandLineArguments.ReadPairs(args, Known, Flags);
        var envPath = Path.GetFullPath(given.GetValueOrDefault("env") ?? QualityEnvironment.DefaultPath(repositoryRoot));
        if (given.ContainsKey("env") && !File.Exists(envPath))
        {
            throw new OptionException($"--env: {envPath} does not exist");
        }

        var env = QualityEnvironment.Read(envPath);
        string? Value(string option, string envKey) => given.GetValueOrDefault(option) ?? env[envKey];

        var token = Value("token", "QUALITY_TOKEN")
            ?? throw new OptionException($"no token: start the system with scripts/run.sh (it writes {envPath}) or pass --token");
        var rabbit = Value("rabbitmq", "RABBITMQ_URI")
            ?? throw new OptionException($"no broker: pass --rabbitmq or start the system with scripts/run.sh (it writes {envPath})");
        return new BenchmarkOptions
        {
            ScoringUrl = OptionValues.Url(Value("scoring", "SCORING_URL"), "scoring", envPath),
            ScoringGrpcUrl = OptionValues.Url(Value("scoring-grpc", "SCORING_GRPC"), "scoring-grpc", envPath),
            Token = token,
            RabbitMqUri = Uri.TryCreate(rabbit, UriKind.Absolute, out var amqp) && amqp.Scheme is "amqp" or "amqps"
                ? amqp
                : throw new OptionException("--rabbitmq: not an amqp:// URI"),
            DataDirectory = given.GetValueOrDefault("data-dir") ?? (File.Exists(envPath) ? Path.GetDirectoryName(envPath) : null),
            Stages = Stages(given.GetValueOrDefault("stages") ?? "fold,query,feed"),
            Events = OptionValues.Int(given, "events", 50_000, 10, 10_000_000),
            WarmUpEvents = OptionValues.Int(given, "warm-up-events", 80_000, 0, 10_000_000),
            Rates = Rates(given.GetValueOrDefault("rate") ?? "max"),
            Teams = OptionValues.Int(given, "teams", 5, 1, 100),
            AgentsPerTeam = OptionValues.Int(given, "agents-per-team", 10, 1, 100),
            Publishers = OptionValues.Int(given, "publishers", 2, 1, 16),
            FoldTimeout = TimeSpan.FromSeconds(OptionValues.Int(given, "fold-timeout", 300, 1, 86_400)),
            Clients = OptionValues.Int(given, "clients", 32, 1, 4096),
            QueryDuration = TimeSpan.FromSeconds(OptionValues.Int(given, "query-duration", 20, 1, 86_400)),
            QueryPeriods = QueryPeriods(given.GetValueOrDefault("query-periods") ?? "last_hour,day"),
            Subscribers = OptionValues.Int(given, "subscribers", 1000, 1, 100_000),
            FeedRounds = OptionValues.Int(given, "feed-rounds", 20, 1, 10_000),
            FeedInterval = TimeSpan.FromMilliseconds(OptionValues.Int(given, "feed-interval", 500, 0, 600_000)),
            OutputDirectory = Path.GetFullPath(given.GetValueOrDefault("output") ?? ResultFiles.DefaultDirectory(repositoryRoot)),
            Label = OptionValues.Label(given.GetValueOrDefault("label") ?? "scoring"),
            Seed = OptionValues.Int(given, "seed", 7, int.MinValue, int.MaxValue),
            CommandLine = CommandLineArguments.Describe("dotnet run --project bench/Quality.Scoring.Benchmark -c Release --", args, Secrets),
        };
    }

    internal static IReadOnlySet<Stage> Stages(string text)
    {
        var stages = new HashSet<Stage>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            stages.Add(part.ToLowerInvariant() switch
            {
                "fold" => Stage.Fold,
                "transport" => Stage.Transport,
                "query" => Stage.Query,
                "feed" => Stage.Feed,
                _ => throw new OptionException($"--stages: unknown stage '{part}'; use fold, transport, query and/or feed"),
            });
        }

        return stages.Count > 0 ? stages : throw new OptionException("--stages: give at least one of fold, transport, query, feed");
    }

    internal static IReadOnlyList<string> QueryPeriods(string text)
    {
        var periods = new List<string>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var period = part.ToLowerInvariant();
            if (period is not ("last_hour" or "day"))
            {
                throw new OptionException($"--query-periods: unknown period '{part}'; use last_hour and/or day");
            }

            if (!periods.Contains(period))
            {
                periods.Add(period);
            }
        }

        return periods.Count > 0 ? periods : throw new OptionException("--query-periods: give last_hour, day or both");
    }

    internal static IReadOnlyList<double?> Rates(string text)
    {
        var rates = new List<double?>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Equals("max", StringComparison.OrdinalIgnoreCase))
            {
                rates.Add(null);
            }
            else if (double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0 && rate <= 1_000_000)
            {
                rates.Add(rate);
            }
            else
            {
                throw new OptionException($"--rate: '{part}' is not a positive number of events/s or 'max'");
            }
        }

        return rates.Count > 0 ? rates : throw new OptionException("--rate: give at least one rate");
    }
}
