using System.Globalization;
using Quality.Benchmarking.Configuration;
using Quality.Benchmarking.Corpus;

namespace Quality.Routing.Benchmark.Options;

/// <summary>Turns the command line (and <c>quality.env</c> for what it leaves out) into <see cref="BenchmarkOptions"/>.</summary>
public static class OptionParser
{
    public const string Usage = """
        dotnet run --project bench/Quality.Routing.Benchmark -c Release -- [options]

        Measures Routing alone on a system started by the AppHost (scripts/run.sh): ComplaintRaised events are
        published straight to RabbitMQ as MassTransit would, CaseOpened / CaseAssigned / SlaBreached are read from
        the broker. Results go to docs/benchmarks/.

        System (default: read from .quality/quality.env, which the AppHost writes in its data directory):
          --env FILE            environment file with ROUTING_URL, QUALITY_TOKEN, RABBITMQ_URI
          --routing URL  --token TOKEN  --rabbitmq URI
        Stages (0 skips a stage):
          --warm-up N           complaints opened and assigned first and not counted, so the stages below measure
                                warm processes, not the JIT compiling a fresh system's code (default 3000)
          --count N             throughput: complaints published as fast as possible (default 10000)
          --rate R              latency: complaints per second (default 500)
          --duration SECONDS    latency: how long (default 60)
          --agents N            fewest online agents for the two stages above (default 20; more if capacity needs)
          --timers N            SLA sweep: cases whose first-response timers fall due together (default 100000)
          --steady-open N       steady sweep: cases opened first whose timers stay open, not due (default 0: no stage)
          --steady-rate R       steady sweep: then cases per second, each due --sla-goal after opening (default 20)
          --steady-duration S   steady sweep: for how long (default 60)
          --sla-goal SECONDS    SLA sweeps: first-response goal after the window opens (default 10)
          --sla-lead SECONDS    SLA sweep: how far ahead the window opens (default: from the opening rate)
          --drain SECONDS       wait for what is still missing after the last was due (default 60)
        Output:
          --data FILE           label,review CSV for case summaries (default ../shared/data/waimai_10k.csv)
          --output DIR          where results go (default docs/benchmarks)
          --label TEXT          file name label (default routing)
          --help
        """;

    private static readonly HashSet<string> Known =
        ["env", "routing", "token", "rabbitmq", "count", "warm-up", "rate", "duration", "agents", "timers", "steady-open", "steady-rate", "steady-duration", "sla-goal", "sla-lead", "drain", "data", "output", "label"];

    private static readonly HashSet<string> Flags = ["help"];

    private static readonly HashSet<string> Secrets = ["--token", "--rabbitmq"];

    public static BenchmarkOptions Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        var given = CommandLineArguments.ReadPairs(args, Known, Flags);
        var envPath = given.GetValueOrDefault("env") ?? QualityEnvironment.DefaultPath(repositoryRoot);
        var env = QualityEnvironment.Read(envPath);
        if (given.ContainsKey("env") && !env.Exists)
        {
            throw new OptionException($"--env: {env.Path} does not exist or is empty");
        }

        string Required(string option, string key) => given.GetValueOrDefault(option) ?? env[key]
            ?? throw new OptionException($"no --{option}: pass it, or start the system with scripts/run.sh (it writes {key} to {env.Path}) and pass --env if its data directory is elsewhere");

        var routing = Required("routing", "ROUTING_URL");
        var rabbit = Required("rabbitmq", "RABBITMQ_URI");
        if (!Uri.TryCreate(rabbit, UriKind.Absolute, out var rabbitUri) || rabbitUri.Scheme is not ("amqp" or "amqps"))
        {
            throw new OptionException("--rabbitmq: not an amqp:// URI");
        }

        var corpus = Path.GetFullPath(given.GetValueOrDefault("data") ?? CorpusPath.Default(repositoryRoot));
        if (!File.Exists(corpus))
        {
            throw new OptionException($"--data: {corpus} does not exist");
        }

        return new BenchmarkOptions
        {
            RoutingUrl = Uri.TryCreate(routing.TrimEnd('/') + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                ? url
                : throw new OptionException($"--routing: '{routing}' is not an http(s) URL"),
            Token = Required("token", "QUALITY_TOKEN"),
            RabbitMqUri = rabbit,
            CorpusPath = corpus,
            Count = OptionValues.Int(given, "count", 10_000, 0, 10_000_000),
            WarmUp = OptionValues.Int(given, "warm-up", 3_000, 0, 1_000_000),
            Rate = Number(given, "rate", 500, 1, 100_000),
            Duration = TimeSpan.FromSeconds(Number(given, "duration", 60, 0, 86_400)),
            Agents = OptionValues.Int(given, "agents", 20, 1, 10_000),
            Timers = OptionValues.Int(given, "timers", 100_000, 0, 10_000_000),
            SteadyOpen = OptionValues.Int(given, "steady-open", 0, 0, 10_000_000),
            SteadyRate = Number(given, "steady-rate", 20, 1, 10_000),
            SteadyDuration = TimeSpan.FromSeconds(Number(given, "steady-duration", 60, 1, 86_400)),
            SlaGoal = TimeSpan.FromSeconds(Number(given, "sla-goal", 10, 1, 3_600)),
            SlaLead = given.ContainsKey("sla-lead") ? TimeSpan.FromSeconds(Number(given, "sla-lead", 0, 5, 43_200)) : null,
            Drain = TimeSpan.FromSeconds(Number(given, "drain", 60, 1, 86_400)),
            OutputDirectory = Path.GetFullPath(given.GetValueOrDefault("output") ?? ResultFiles.DefaultDirectory(repositoryRoot)),
            Label = OptionValues.Label(given.GetValueOrDefault("label") ?? "routing"),
            CommandLine = CommandLineArguments.Describe("dotnet run --project bench/Quality.Routing.Benchmark -c Release --", args, Secrets),
        };
    }

    private static double Number(Dictionary<string, string> given, string name, double fallback, double minimum, double maximum) =>
        !given.TryGetValue(name, out var text) ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum ? value
        : throw new OptionException($"--{name}: '{text}' is not a number from {minimum} to {maximum}");
}
