using System.Globalization;
using Quality.Contracts;
using Quality.Hosting;
using Quality.ServiceDefaults.Authentication;

namespace Quality.AppHost;

/// <summary>
/// <c>--demo</c>: once the dashboard is healthy, the load generator (bench/Quality.LoadGenerator) runs as a supervised
/// resource, stopped with the rest. It sets up a team of agents, goals and an alert rule, then sends reviews from the
/// waimai corpus through every channel at a gentle rate while its agents answer and resolve the cases, so every view
/// of the dashboard moves within a minute.
/// </summary>
internal static class DemoMode
{
    public const string ResourceName = "demo";
    public const string LoadGeneratorProject = "bench/Quality.LoadGenerator/Quality.LoadGenerator.csproj";

    /// <summary>Agents enough for the default rate's complaints, each taking its time over a case, so the queue is never empty nor swamped.</summary>
    internal const int Agents = 8;
    internal const int AgentCapacity = 25;
    internal const int AgentWorkSeconds = 20;

    /// <summary>The corpus the traffic is drawn from: beside the repository, never copied in.</summary>
    public static string CorpusPath(string repositoryRoot) =>
        Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "data", "waimai_10k.csv"));

    /// <summary>Declares the demo resource; nothing when the demo is off.</summary>
    /// <exception cref="HostingException">The corpus or the load generator's build output is missing.</exception>
    public static IResourceBuilder<ExecutableResource>? AddDemo(
        this DistributedApplicationBuilder builder, DemoOptions demo, Secret signingKey,
        IResourceBuilder<ProjectResource> intake, IResourceBuilder<ProjectResource> routing, IResourceBuilder<ProjectResource> scoring,
        IResourceBuilder<ProjectResource> notifications, IResourceBuilder<ProjectResource> web)
    {
        if (!demo.Enabled)
        {
            return null;
        }

        if (builder.Options.Only is not null)
        {
            throw new HostingException("--demo drives every service and cannot run with --only: drop one of them");
        }

        var root = builder.RepositoryRoot;
        var corpus = CorpusPath(root);
        if (!File.Exists(corpus))
        {
            // The load generator has no texts of its own: a demo of made-up sentences would show the classifier at its worst.
            throw new HostingException($"--demo draws its traffic from {corpus}, which does not exist: put waimai_10k.csv (label,review) there, or run without --demo");
        }

        var dll = Path.Combine(root, "bench", "Quality.LoadGenerator", "bin", builder.Configuration, "net10.0", "Quality.LoadGenerator.dll");
        if (!File.Exists(dll))
        {
            throw new HostingException($"--demo runs the load generator, which is not built: {dll} is missing; run `dotnet build {LoadGeneratorProject} -c {builder.Configuration}`");
        }

        return builder.AddExecutable(ResourceName, "dotnet", root, Arguments(dll, corpus, demo.Rate))
            .WithReference(intake).WithReference(routing).WithReference(scoring).WithReference(notifications)
            .WaitFor(intake).WaitFor(routing).WaitFor(scoring).WaitFor(notifications).WaitFor(web)
            // Made at each launch, so a restarted demo never holds an expired token.
            .WithEnvironment("QUALITY_TOKEN", () => TokenFactory.Create(new AuthOptions { SigningKey = signingKey.Value }, "demo", Roles.Admin, lifetime: TimeSpan.FromDays(7)));
    }

    internal static string[] Arguments(string dll, string corpus, double rate) =>
    [
        "exec", dll, "--demo", "--no-live",
        "--rate", rate.ToString(CultureInfo.InvariantCulture),
        "--data", corpus,
        // Batches of 5: at a few items/s a batch of the benchmark's 20 would come in bursts.
        "--batch-size", "5",
        "--concurrency", "8",
        "--agents", Agents.ToString(CultureInfo.InvariantCulture),
        "--agent-capacity", AgentCapacity.ToString(CultureInfo.InvariantCulture),
        "--agent-work-time", AgentWorkSeconds.ToString(CultureInfo.InvariantCulture),
    ];

    /// <summary>The line printed once everything is healthy.</summary>
    public static string Describe(DistributedApplication app, DemoOptions demo) =>
        !demo.Enabled ? "" : $"""
            Demo: {demo.Rate.ToString("0.##", CultureInfo.InvariantCulture)} items/s of reviews from {CorpusPath(app.RepositoryRoot)} through every channel,
              {Agents} agents of team 'loadgen' answering and resolving cases; its progress is in the '{ResourceName}' log.
              Sign in to the dashboard above: the overview, queue, alerts and goals move within a minute.

            """;
}
