using Quality.AppHost;

namespace Quality.Hosting.Tests;

/// <summary>The AppHost's <c>--demo</c>: its options and the load generator resource it declares.</summary>
public sealed class DemoModeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("demo-repo-").FullName;

    public DemoModeTests()
    {
        // A repository beside a shared folder, as on a development machine: <parent>/repo and <parent>/shared/data.
        Directory.CreateDirectory(Repo);
        Directory.CreateDirectory(Path.Combine(_root, "shared", "data"));
        File.WriteAllLines(Corpus, ["label,review", "0,送餐太慢了"]);
        Directory.CreateDirectory(Path.GetDirectoryName(LoadGenerator)!);
        File.WriteAllText(LoadGenerator, "");
    }

    private string Repo => Path.Combine(_root, "repo");

    private string Corpus => Path.Combine(_root, "shared", "data", "waimai_10k.csv");

    private string LoadGenerator => Path.Combine(Repo, "bench", "Quality.LoadGenerator", "bin", "Release", "net10.0", "Quality.LoadGenerator.dll");

    [Fact]
    public void Demo_options_are_taken_off_the_command_line_and_the_rest_left_for_the_host()
    {
        var (demo, rest) = DemoOptions.Parse(["--data-dir", "/tmp/d", "--demo", "--demo-rate=2.5", "--redis-port", "6380"]);

        Assert.Equal(new DemoOptions(true, 2.5), demo);
        Assert.Equal(["--data-dir", "/tmp/d", "--redis-port", "6380"], rest);
        Assert.Equal(new DemoOptions(false, DemoOptions.DefaultRate), DemoOptions.Parse(["--data-dir", "/tmp/d"]).Demo);
        Assert.Equal(5, DemoOptions.Parse(["--demo"]).Demo.Rate);
    }

    [Theory]
    [InlineData("--demo-rate", "0", "--demo-rate 0 is not a number of items/s above 0")]
    [InlineData("--demo-rate", "fast", "--demo-rate fast is not a number")]
    [InlineData("--demo-rate", "1000", "at most 100")]
    public void A_bad_demo_rate_is_refused_naming_it(string option, string value, string message)
    {
        var e = Assert.Throws<HostingException>(() => DemoOptions.Parse(["--demo", option, value]));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_demo_rate_without_the_demo_is_refused()
    {
        var e = Assert.Throws<HostingException>(() => DemoOptions.Parse(["--demo-rate", "3"]));
        Assert.Contains("add --demo", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_runs_the_load_generator_at_the_rate_after_the_dashboard_with_every_service_passed_in()
    {
        var builder = Builder();
        var (intake, routing, scoring, notifications, web) = Services(builder);

        var demo = builder.AddDemo(new DemoOptions(true, 2.5), builder.AddSecret("key"), intake, routing, scoring, notifications, web)!.Resource;

        Assert.Equal(DemoMode.ResourceName, demo.Name);
        Assert.Equal("dotnet", demo.Command);
        Assert.Equal(Repo, demo.WorkingDirectory);
        Assert.Equal(["exec", LoadGenerator, "--demo", "--no-live", "--rate", "2.5", "--data", Corpus], demo.Args.Take(8));
        Assert.Equal("20", Option(demo, "--agent-work-time"));
        Assert.Equal("8", Option(demo, "--agents"));
        Assert.Equal([intake.Resource, routing.Resource, scoring.Resource, notifications.Resource], demo.References);
        Assert.Contains(web.Resource, demo.WaitsFor);
        Assert.Contains("QUALITY_TOKEN", demo.Environment.Keys);
    }

    [Fact]
    public void Without_the_demo_nothing_is_declared()
    {
        var builder = Builder();
        var (intake, routing, scoring, notifications, web) = Services(builder);

        Assert.Null(builder.AddDemo(new DemoOptions(false, 5), builder.AddSecret("key"), intake, routing, scoring, notifications, web));
        Assert.DoesNotContain(builder.Resources, r => r.Name == DemoMode.ResourceName);
    }

    [Fact]
    public void Without_the_corpus_the_demo_is_refused_saying_where_it_looked()
    {
        File.Delete(Corpus);
        var builder = Builder();
        var (intake, routing, scoring, notifications, web) = Services(builder);

        var e = Assert.Throws<HostingException>(() =>
            builder.AddDemo(new DemoOptions(true, 5), builder.AddSecret("key"), intake, routing, scoring, notifications, web));
        Assert.Contains($"--demo draws its traffic from {Corpus}, which does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_load_generator_built_the_demo_says_how_to_build_it()
    {
        File.Delete(LoadGenerator);
        var builder = Builder();
        var (intake, routing, scoring, notifications, web) = Services(builder);

        var e = Assert.Throws<HostingException>(() =>
            builder.AddDemo(new DemoOptions(true, 5), builder.AddSecret("key"), intake, routing, scoring, notifications, web));
        Assert.Contains($"run `dotnet build {DemoMode.LoadGeneratorProject} -c Release`", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private DistributedApplicationBuilder Builder() =>
        TestApps.Builder(o => (o.RepositoryRoot, o.Configuration) = (Repo, "Release"));

    private static (IResourceBuilder<ProjectResource>, IResourceBuilder<ProjectResource>, IResourceBuilder<ProjectResource>, IResourceBuilder<ProjectResource>, IResourceBuilder<ProjectResource>) Services(
        DistributedApplicationBuilder builder) =>
        (builder.AddProject("intake", "i.csproj"), builder.AddProject("routing", "r.csproj"), builder.AddProject("scoring", "s.csproj"),
            builder.AddProject("notifications", "n.csproj"), builder.AddProject("web", "w.csproj"));

    private static string Option(ExecutableResource resource, string name) => resource.Args[resource.Args.ToList().IndexOf(name) + 1];
}
