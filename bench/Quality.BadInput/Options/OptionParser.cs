using System.Globalization;
using Quality.BadInput.Targets;

namespace Quality.BadInput.Options;

/// <summary>Turns the command line (and <c>quality.env</c> for what it leaves out) into <see cref="BadInputOptions"/>.</summary>
public static class OptionParser
{
    public const string Usage = """
        dotnet run --project bench/Quality.BadInput -c Release -- [options]

        The bad-input suite: sends thousands of malformed, oversized, wrongly encoded, injection-laden and
        unauthenticated requests to every HTTP operation (from each service's /openapi/v1.json and the gRPC
        contracts' transcoded routes) and every gRPC method of a Quality system started by the AppHost
        (scripts/run.sh). Fails (exit 1) on any 5xx or gRPC Internal/Unknown, a refusal without ProblemDetails or
        message, a request left unanswered, a malformed write accepted, a service crash, or any change to stored data.
        It issues itself one Intake API key per channel and revokes them at the end.

        System (default: read from .quality/quality.env, which the AppHost writes):
          --env FILE             environment file with QUALITY_TOKEN, *_URL, *_GRPC and POSTGRES_CONNECTION
          --token TOKEN          an admin token
          --data-dir DIR         the AppHost's data directory, to find its pid for the crash check
                                 (default: the directory of the environment file)
        Run:
          --seed N               random seed for the random bodies and bytes (default 7)
          --concurrency N        requests in flight, 1-64 (default 8)
          --output DIR           also write the results as <time>-bad-input.json and .md there (e.g. docs/benchmarks)
          --help
        """;

    private static readonly HashSet<string> Flags = ["help"];
    private static readonly HashSet<string> Known = ["env", "token", "data-dir", "seed", "concurrency", "output"];

    public static BadInputOptions Parse(IReadOnlyList<string> args, string repositoryRoot)
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
        var postgres = env["POSTGRES_CONNECTION"]
            ?? throw new OptionException($"no POSTGRES_CONNECTION in {envPath}: start the system with scripts/run.sh");
        var services = ContractCatalogue.Contracts.Select(contract =>
        {
            var prefix = contract.Key.ToUpperInvariant();
            return new ServiceTarget(contract.Key,
                OptionValues.Url(env[$"{prefix}_URL"], $"{contract.Key} (from {prefix}_URL)", envPath),
                OptionValues.Url(env[$"{prefix}_GRPC"], $"{contract.Key} (from {prefix}_GRPC)", envPath),
                contract.Value);
        }).ToList();

        var dataDirectory = given.GetValueOrDefault("data-dir") ?? Path.GetDirectoryName(envPath)!;
        var pidFile = Path.Combine(dataDirectory, "apphost.pid");
        int? appHost = File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
            ? pid
            : null;
        return new BadInputOptions
        {
            Services = services,
            AdminToken = token,
            PostgresConnection = postgres,
            AppHostPid = appHost,
            Seed = OptionValues.Int(given, "seed", 7, int.MinValue, int.MaxValue),
            Concurrency = OptionValues.Int(given, "concurrency", 8, 1, 64),
            OutputDirectory = given.TryGetValue("output", out var output) ? Path.GetFullPath(output) : null,
        };
    }
}
