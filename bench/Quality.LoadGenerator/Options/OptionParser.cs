using System.Globalization;
using Quality.LoadGenerator.Traffic;

namespace Quality.LoadGenerator.Options;

/// <summary>Turns the command line (and <c>quality.env</c> for what it leaves out) into <see cref="LoadOptions"/>.</summary>
public static class OptionParser
{
    public const string Usage = """
        dotnet run --project bench/Quality.LoadGenerator -c Release -- [options]

        Drives API items (single and batch), survey answers, raw emails, chat transcripts and CSV imports at a system started by
        the AppHost (scripts/run.sh), with simulated agents working the cases, and writes the measurements
        to docs/benchmarks/.

        System (default: the variables an AppHost passes, services__<name>__http__0 and QUALITY_TOKEN, then
        .quality/quality.env, which the AppHost writes):
          --env FILE             environment file with QUALITY_TOKEN, *_URL, RABBITMQ_URI, POSTGRES_CONNECTION
          --intake URL  --routing URL  --scoring URL  --notifications URL  --token TOKEN
          --rabbitmq URI         AMQP URI: CaseAssigned subscription and broker baseline
          --postgres CONNSTR     Npgsql connection string: commit baseline
          --data-dir DIR         the AppHost's data directory, for CPU and memory per process
                                 (default: the directory of the environment file)
        Load:
          --rate LIST            items/s per stage, comma-separated; "max" = as fast as possible (default 100)
          --duration SECONDS     measured time per stage (default 60)
          --warmup SECONDS       unmeasured time before each stage (default 5)
          --drain SECONDS        wait after each stage for late assignments and KPIs (default 10)
          --mix SPEC             share of items per channel (default api=50,batch=20,survey=10,email=10,transcript=5,import=5)
          --batch-size N         items per batch request, 1-1000 (default 20)
          --import-rows N        CSV rows per bulk import, 1-100000 (default 100)
          --concurrency N        requests in flight at most (default 64)
          --data FILE            label,review CSV (default ../shared/data/waimai_10k.csv beside the repo)
          --seed N               random seed (default 7)
        Agents:
          --agents N             simulated agents working cases; 0 for none (default 10)
          --agent-capacity N     cases each agent may hold (default 200)
          --survey-share F       share of resolved cases followed by a CSAT answer, 0-1 (default 0.5)
          --agent-work-time S    average seconds an agent takes over a case, several at once (default 0: at once,
                                 one after the other; 20 with --demo)
        Breaches (breach → webhook; needs --notifications or NOTIFICATIONS_URL):
          --breach-share F       share of single API items whose case must breach: they carry the run's own customer
                                 tier, an SLA policy gives them a first response due after --breach-after, agents leave
                                 them until the webhook came, 0-1; 0 measures no breaches (default 0.02)
          --breach-after S       that first-response goal in seconds, at least 1 (default 2)
        Demo (what scripts/run.sh --demo runs):
          --demo                 drive the first --rate until stopped (Ctrl+C, SIGTERM): sets up the team, agents,
                                 goals and an alert rule, prints progress every 30 s; no baselines, no results
        Output:
          --baseline SECONDS     duration of each raw baseline (RabbitMQ, PostgreSQL); 0 skips (default 5)
          --output DIR           where results go (default docs/benchmarks)
          --label TEXT           file name label (default run)
          --no-live              plain progress lines instead of the live view
          --help
        """;

    public static LoadOptions Parse(IReadOnlyList<string> args, string repositoryRoot) =>
        Parse(args, repositoryRoot, Environment.GetEnvironmentVariable);

    /// <param name="variables">The process environment: an AppHost passes the services' addresses and a token in it.</param>
    public static LoadOptions Parse(IReadOnlyList<string> args, string repositoryRoot, Func<string, string?> variables)
    {
        var given = ReadPairs(args);
        var envPath = Path.GetFullPath(given.GetValueOrDefault("env") ?? QualityEnvironment.DefaultPath(repositoryRoot));
        if (given.ContainsKey("env") && !File.Exists(envPath))
        {
            throw new OptionException($"--env: {envPath} does not exist");
        }

        var env = QualityEnvironment.Read(envPath);
        string? Value(string option, string envKey) => given.GetValueOrDefault(option) ?? env[envKey];
        string? Service(string name) => given.GetValueOrDefault(name) ?? variables($"services__{name}__http__0") ?? env[$"{name.ToUpperInvariant()}_URL"];

        var demo = given.ContainsKey("demo");
        var token = given.GetValueOrDefault("token") ?? variables("QUALITY_TOKEN") ?? env["QUALITY_TOKEN"]
            ?? throw new OptionException($"no token: start the system with scripts/run.sh (it writes {envPath}) or pass --token");
        var corpus = Path.GetFullPath(given.GetValueOrDefault("data") ?? CorpusPath.Default(repositoryRoot));
        if (!File.Exists(corpus))
        {
            throw new OptionException(given.ContainsKey("data")
                ? $"--data: {corpus} does not exist"
                : $"the review corpus {corpus} does not exist (traffic is drawn from it; there are no built-in texts): put waimai_10k.csv there or pass --data");
        }

        var batchSize = OptionValues.Int(given, "batch-size", 20, 1, 1000);
        var importRows = OptionValues.Int(given, "import-rows", 100, 1, 100_000);
        return new LoadOptions
        {
            IntakeUrl = OptionValues.Url(Service("intake"), "intake", envPath),
            RoutingUrl = OptionValues.Url(Service("routing"), "routing", envPath),
            ScoringUrl = OptionValues.Url(Service("scoring"), "scoring", envPath),
            NotificationsUrl = Service("notifications") is { } notifications ? OptionValues.Url(notifications, "notifications", envPath) : null,
            Token = token,
            Demo = demo,
            AgentWorkTime = OptionValues.Seconds(given, "agent-work-time", demo ? 20 : 0, minimum: 0),
            RabbitMqUri = Value("rabbitmq", "RABBITMQ_URI"),
            PostgresConnection = Value("postgres", "POSTGRES_CONNECTION"),
            DataDirectory = given.GetValueOrDefault("data-dir") ?? (File.Exists(envPath) ? Path.GetDirectoryName(envPath) : null),
            CorpusPath = corpus,
            Rates = Rates(given.GetValueOrDefault("rate") ?? "100"),
            Duration = OptionValues.Seconds(given, "duration", 60, minimum: 1),
            Warmup = OptionValues.Seconds(given, "warmup", 5, minimum: 0),
            Drain = OptionValues.Seconds(given, "drain", 10, minimum: 0),
            Mix = Mix(given.GetValueOrDefault("mix") ?? ChannelMix.Default, batchSize, importRows),
            BatchSize = batchSize,
            Concurrency = OptionValues.Int(given, "concurrency", 64, 1, 4096),
            Agents = OptionValues.Int(given, "agents", 10, 0, 1000),
            AgentCapacity = OptionValues.Int(given, "agent-capacity", 200, 1, 100_000),
            SurveyShare = Fraction(given, "survey-share", 0.5),
            BreachShare = Fraction(given, "breach-share", demo ? 0 : 0.02),
            BreachAfter = OptionValues.Seconds(given, "breach-after", 2, minimum: 1),
            BaselineDuration = OptionValues.Seconds(given, "baseline", 5, minimum: 0),
            OutputDirectory = Path.GetFullPath(given.GetValueOrDefault("output") ?? ResultFiles.DefaultDirectory(repositoryRoot)),
            Label = OptionValues.Label(given.GetValueOrDefault("label") ?? "run"),
            Live = !given.ContainsKey("no-live"),
            Seed = OptionValues.Int(given, "seed", 7, int.MinValue, int.MaxValue),
            CommandLine = Describe(args),
        };
    }

    private static readonly HashSet<string> Flags = ["no-live", "help", "demo"];

    private static readonly HashSet<string> Known =
    [
        "env", "intake", "routing", "scoring", "token", "rabbitmq", "postgres", "data-dir", "rate", "duration", "warmup",
        "drain", "mix", "batch-size", "concurrency", "data", "seed", "agents", "agent-capacity", "survey-share", "baseline",
        "output", "label", "notifications", "agent-work-time", "breach-share", "breach-after", "import-rows",
    ];

    private static Dictionary<string, string> ReadPairs(IReadOnlyList<string> args) => CommandLineArguments.ReadPairs(args, Known, Flags);

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
                throw new OptionException($"--rate: '{part}' is not a positive number of items/s or 'max'");
            }
        }

        return rates.Count > 0 ? rates : throw new OptionException("--rate: give at least one rate");
    }

    private static ChannelMix Mix(string text, int batchSize, int importRows)
    {
        try
        {
            return ChannelMix.Parse(text, batchSize, importRows);
        }
        catch (FormatException e)
        {
            throw new OptionException($"--mix: {e.Message}");
        }
    }

    private static double Fraction(Dictionary<string, string> given, string name, double fallback)
    {
        if (!given.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new OptionException($"--{name}: '{text}' is not a number from 0 to 1");
    }

    private static readonly HashSet<string> Secrets = ["--token", "--postgres", "--rabbitmq"];

    /// <summary>The command line to record with the results, secrets left out.</summary>
    internal static string Describe(IReadOnlyList<string> args) =>
        CommandLineArguments.Describe("dotnet run --project bench/Quality.LoadGenerator -c Release --", args, Secrets);
}
