using System.Globalization;
using Quality.Benchmarking.CommandLine;
using Quality.FaultDrills;

const string Usage = """
    Fault drills: kill -9 one part of the system started by scripts/run.sh while feedback is posted, wait for it to
    come back, keep posting, then reconcile every accepted item end to end (Intake, Routing, Scoring) and every
    complaint's SLA breach (fired once by Routing, alerted once by Notifications; the drill sets up a 5 s policy for
    its own customer tier and an in-app rule, and removes them when it ends).

    dotnet run --project bench/Quality.FaultDrills -c Release -- --part <name> [options]
      --part <name>        routing | intake | scoring | notifications | rabbitmq | postgres | redis
      --data-dir <dir>     the AppHost's data directory (default: .quality); apphost.pid and quality.env are read there
      --env <file>         quality.env (default: <data-dir>/quality.env)
      --rate <n>           items per second posted (default 30)
      --before <s>         seconds of posting before the kill (default 10)
      --after <s>          seconds of posting after the part is back (default 20)
      --settle <s>         how long the reconciliation waits when nothing more arrives (default 90)
    Exit code 0: lost = 0 and duplicated = 0; 1: the drill found losses or duplicates; 2: it could not run.
    """;

if (args.Contains("--help"))
{
    Console.WriteLine(Usage);
    return 0;
}

try
{
    var pairs = CommandLineArguments.ReadPairs(args, new HashSet<string> { "part", "data-dir", "env", "rate", "before", "after", "settle" }, new HashSet<string>());
    var root = RepositoryRoot.Find();
    var dataDirectory = Path.GetFullPath(pairs.GetValueOrDefault("data-dir") ?? Path.Combine(root, ".quality"));
    var environment = QualityEnvironment.Read(pairs.GetValueOrDefault("env") ?? Path.Combine(dataDirectory, "quality.env"));
    double Number(string name, double fallback) =>
        pairs.TryGetValue(name, out var text)
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new OptionException($"--{name} must be a positive number, not '{text}'")
            : fallback;

    var options = new DrillOptions
    {
        Part = pairs.GetValueOrDefault("part") ?? throw new OptionException("--part is required (see --help)"),
        ItemsPerSecond = Number("rate", 30),
        Before = TimeSpan.FromSeconds(Number("before", 10)),
        After = TimeSpan.FromSeconds(Number("after", 20)),
        Settle = TimeSpan.FromSeconds(Number("settle", 90)),
    };
    var target = DrillTarget.FromDataDirectory(dataDirectory, environment);
    var corpus = ReviewCorpus.Load(CorpusPath.Default(root));

    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };
    var report = await new DrillRun(target, options, corpus, line => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}")).RunAsync(cancel.Token);
    Console.WriteLine(report.Format());
    return report.Passed ? 0 : 1;
}
catch (Exception e) when (e is OptionException or RunException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
