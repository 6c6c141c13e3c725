using System.Globalization;

namespace Quality.Notifications.Benchmark.Options;

/// <summary>Turns the command line (and <c>quality.env</c> for what it leaves out) into <see cref="BenchOptions"/>.</summary>
public static class OptionParser
{
    public const string Usage = """
        dotnet run --project bench/Quality.Notifications.Benchmark -c Release -- [options]

        Starts webhook receivers in this process, subscribes them to SlaBreached through the Notifications API,
        publishes SlaBreached events straight to RabbitMQ and measures what reaches the receivers; writes the
        results to docs/benchmarks/.

        System (default: read from .quality/quality.env, which the AppHost writes):
          --env FILE             environment file with QUALITY_TOKEN, NOTIFICATIONS_URL, RABBITMQ_URI, POSTGRES_CONNECTION
          --notifications URL  --token TOKEN  --rabbitmq URI
          --postgres CONNSTR     server connection string: delivery outcomes counted read-only in notificationsdb
                                 (without it the dead receiver's outcomes are not reported)
        Load:
          --receivers N          healthy receivers, 1-64 (default 4)
          --failing-receiver     add a receiver answering 500 to the dead stage
          --stages LIST          healthy,dead (default both, in that order)
          --rate N|max           triggering events/s; max = as fast as the broker confirms (default 200)
          --duration SECONDS     measured publishing per stage (default 20)
          --warmup SECONDS       unmeasured publishing before each stage (default 3)
          --drain SECONDS        longest wait for the healthy receivers after publishing (default 60)
          --max-in-flight N      publishes awaiting a broker confirm, 1-10000 (default 256)
        Output:
          --output DIR           where results go (default docs/benchmarks)
          --label TEXT           file name label (default notifications)
          --help
        """;

    private static readonly HashSet<string> Flags = ["failing-receiver", "help"];

    private static readonly HashSet<string> Known =
    [
        "env", "notifications", "token", "rabbitmq", "postgres", "receivers", "stages", "rate", "duration", "warmup", "drain",
        "max-in-flight", "output", "label",
    ];

    private static readonly HashSet<string> Secrets = ["--token", "--postgres", "--rabbitmq"];

    public static BenchOptions Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        var given = CommandLineArguments.ReadPairs(args, Known, Flags);
        var envPath = Path.GetFullPath(given.GetValueOrDefault("env") ?? QualityEnvironment.DefaultPath(repositoryRoot));
        if (given.ContainsKey("env") && !File.Exists(envPath))
        {
            throw new OptionException($"--env: {envPath} does not exist");
        }

        var env = QualityEnvironment.Read(envPath);
        string? Value(string option, string envKey) => given.GetValueOrDefault(option) ?? env[envKey];
        string Required(string option, string envKey) => Value(option, envKey)
            ?? throw new OptionException($"no --{option}: start the system with scripts/run.sh (it writes {envPath}, or pass --env) or pass --{option}");

        return new BenchOptions
        {
            NotificationsUrl = Url(Required("notifications", "NOTIFICATIONS_URL")),
            Token = Required("token", "QUALITY_TOKEN"),
            RabbitMqUri = Amqp(Required("rabbitmq", "RABBITMQ_URI")),
            PostgresConnection = Value("postgres", "POSTGRES_CONNECTION"),
            HealthyReceivers = OptionValues.Int(given, "receivers", 4, 1, 64),
            FailingReceiver = given.ContainsKey("failing-receiver"),
            Stages = Stages(given.GetValueOrDefault("stages") ?? "healthy,dead"),
            Rate = Rate(given.GetValueOrDefault("rate") ?? "200"),
            Duration = OptionValues.Seconds(given, "duration", 20, minimum: 1),
            Warmup = OptionValues.Seconds(given, "warmup", 3, minimum: 0),
            Drain = OptionValues.Seconds(given, "drain", 60, minimum: 1),
            MaxInFlight = OptionValues.Int(given, "max-in-flight", 256, 1, 10_000),
            OutputDirectory = Path.GetFullPath(given.GetValueOrDefault("output") ?? ResultFiles.DefaultDirectory(repositoryRoot)),
            Label = OptionValues.Label(given.GetValueOrDefault("label") ?? "notifications"),
            CommandLine = CommandLineArguments.Describe("dotnet run --project bench/Quality.Notifications.Benchmark -c Release --", args, Secrets),
        };
    }

    internal static Uri Url(string value) =>
        Uri.TryCreate(value.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new OptionException($"--notifications: '{value}' is not an http(s) URL");

    internal static string Amqp(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps"
            ? value
            : throw new OptionException("--rabbitmq: not an amqp:// or amqps:// URI");

    internal static IReadOnlyList<StageKind> Stages(string text)
    {
        var stages = new List<StageKind>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var stage = part.ToLowerInvariant() switch
            {
                "healthy" => StageKind.Healthy,
                "dead" => StageKind.Dead,
                _ => throw new OptionException($"--stages: unknown stage '{part}' (healthy, dead)"),
            };
            if (stages.Contains(stage))
            {
                throw new OptionException($"--stages: '{part}' is given twice");
            }

            stages.Add(stage);
        }

        return stages.Count > 0 ? stages : throw new OptionException("--stages: give at least one stage");
    }

    internal static double? Rate(string text)
    {
        if (text.Equals("max", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0 && rate <= 1_000_000
            ? rate
            : throw new OptionException($"--rate: '{text}' is not a positive number of events/s or 'max'");
    }
}
