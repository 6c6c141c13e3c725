using System.Globalization;

namespace Quality.Web.Benchmark.Options;

/// <summary>Turns the command line (and <c>quality.env</c> for what it leaves out) into <see cref="WebBenchOptions"/>.</summary>
public static class OptionParser
{
    public const string Usage = """
        dotnet run --project bench/Quality.Web.Benchmark -c Release -- [options]

        Measures the web dashboard of a Quality system started by the AppHost (scripts/run.sh) in headless Chromium:
        the overview's first paint and time to live data over cold loads, then many dashboards held open while
        complaints are posted, each of which every page must show; with the web process's memory, CPU and
        connections. Results go to docs/benchmarks/.

        System (default: read from .quality/quality.env, which the AppHost writes):
          --env FILE             environment file with WEB_URL, INTAKE_URL, QUALITY_TOKEN
          --web URL  --intake URL  --token TOKEN
          --data-dir DIR         the AppHost's data directory: apphost.pid (the web process) and
                                 secrets/web-admin-password (default: the directory of the environment file)
          --user NAME            who signs in (default admin)
          --password-file FILE   their password (default <data-dir>/secrets/web-admin-password)
          --chromium PATH        the browser (default /usr/bin/chromium; never downloaded)
        Load:
          --cold-loads N         cold loads of the overview, each in a fresh browser context; 0 skips (default 20)
          --pages N              dashboards held open at once; 0 skips (default 200)
          --contexts N           browser contexts the pages are spread over (default 10)
          --renderer-processes N Chromium's renderer processes at most, pages beyond share them; 0 for one per
                                 page, about 200 MB each (default 8)
          --open-concurrency N   pages opened at once while filling up (default 8)
          --hold SECONDS         how long the pages are held once all are live (default 60)
          --posts N              complaints posted during the hold, evenly spaced (default 5)
          --seen-within SECONDS  how long a page may take to show a post (default 15)
        Output:
          --output DIR           where results go (default docs/benchmarks)
          --label TEXT           file name label (default web)
          --help
        """;

    private static readonly HashSet<string> Flags = ["help"];

    private static readonly HashSet<string> Known =
    [
        "env", "web", "intake", "token", "data-dir", "user", "password-file", "chromium", "cold-loads", "pages", "contexts",
        "renderer-processes", "open-concurrency", "hold", "posts", "seen-within", "output", "label",
    ];

    public static WebBenchOptions Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        var given = CommandLineArguments.ReadPairs(args, Known, Flags);
        var envPath = Path.GetFullPath(given.GetValueOrDefault("env") ?? QualityEnvironment.DefaultPath(repositoryRoot));
        if (given.ContainsKey("env") && !File.Exists(envPath))
        {
            throw new OptionException($"--env: {envPath} does not exist");
        }

        var env = QualityEnvironment.Read(envPath);
        var token = given.GetValueOrDefault("token") ?? env["QUALITY_TOKEN"]
            ?? throw new OptionException($"no token: start the system with scripts/run.sh (it writes {envPath}) or pass --token");
        var dataDirectory = given.GetValueOrDefault("data-dir") ?? (File.Exists(envPath) ? Path.GetDirectoryName(envPath) : null);
        var passwordFile = given.GetValueOrDefault("password-file")
            ?? (dataDirectory is null ? null : Path.Combine(dataDirectory, "secrets", "web-admin-password"));
        if (passwordFile is null || !File.Exists(passwordFile))
        {
            throw new OptionException($"no password: {passwordFile ?? "<data-dir>/secrets/web-admin-password"} does not exist; pass --password-file or --data-dir");
        }

        var chromium = given.GetValueOrDefault("chromium") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new OptionException($"--chromium: {chromium} does not exist: install Debian's chromium (scripts/prerequisites.sh does)");
        }

        return new WebBenchOptions
        {
            WebUrl = OptionValues.Url(given.GetValueOrDefault("web") ?? env["WEB_URL"], "web", envPath),
            IntakeUrl = OptionValues.Url(given.GetValueOrDefault("intake") ?? env["INTAKE_URL"], "intake", envPath),
            ScoringUrl = env["SCORING_URL"] is { } scoring ? OptionValues.Url(scoring, "scoring", envPath) : null,
            Token = token,
            UserName = given.GetValueOrDefault("user") ?? "admin",
            Password = File.ReadAllText(passwordFile).Trim(),
            DataDirectory = dataDirectory,
            ChromiumPath = chromium,
            ColdLoads = OptionValues.Int(given, "cold-loads", 20, 0, 10_000),
            Pages = OptionValues.Int(given, "pages", 200, 0, 5_000),
            Contexts = OptionValues.Int(given, "contexts", 10, 1, 1_000),
            RendererProcesses = OptionValues.Int(given, "renderer-processes", 8, 0, 1_000),
            OpenConcurrency = OptionValues.Int(given, "open-concurrency", 8, 1, 256),
            Hold = OptionValues.Seconds(given, "hold", 60, minimum: 1),
            Posts = OptionValues.Int(given, "posts", 5, 0, 1_000),
            SeenWithin = OptionValues.Seconds(given, "seen-within", 15, minimum: 1),
            OutputDirectory = Path.GetFullPath(given.GetValueOrDefault("output") ?? ResultFiles.DefaultDirectory(repositoryRoot)),
            Label = OptionValues.Label(given.GetValueOrDefault("label") ?? "web"),
            CommandLine = CommandLineArguments.Describe("dotnet run --project bench/Quality.Web.Benchmark -c Release --", args, Secrets),
        };
    }

    private static readonly HashSet<string> Secrets = ["--token"];
}
