using Quality.Benchmarking.CommandLine;
using Quality.LoadGenerator.Options;

namespace Quality.LoadGenerator.Tests.Options;

public sealed class OptionParserTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("loadgen-").FullName;
    private readonly string _corpus;

    public OptionParserTests()
    {
        _corpus = Path.Combine(_root, "reviews.csv");
        File.WriteAllLines(_corpus, ["label,review", "0,太慢了"]);
        Directory.CreateDirectory(Path.Combine(_root, ".quality"));
        File.WriteAllLines(Path.Combine(_root, ".quality", "quality.env"),
            ["QUALITY_TOKEN=t0k", "INTAKE_URL=http://127.0.0.1:1", "ROUTING_URL=http://127.0.0.1:2", "SCORING_URL=http://127.0.0.1:3", "RABBITMQ_URI=amqp://u:p@127.0.0.1:4"]);
    }

    [Fact]
    public void Reads_the_system_from_quality_env_and_the_rest_from_the_command_line()
    {
        var options = OptionParser.Parse(["--data", _corpus, "--rate", "100,500,max", "--duration=30", "--agents", "0"], _root, NoVariables);
        Assert.Equal(new Uri("http://127.0.0.1:1/"), options.IntakeUrl);
        Assert.Equal("t0k", options.Token);
        Assert.Equal("amqp://u:p@127.0.0.1:4", options.RabbitMqUri);
        Assert.Equal([100.0, 500.0, null], options.Rates);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Duration);
        Assert.Equal(0, options.Agents);
        Assert.Equal(Path.Combine(_root, ".quality"), options.DataDirectory);
    }

    [Theory]
    [InlineData("--rate", "fast", "--rate: 'fast' is not a positive number")]
    [InlineData("--agents", "-1", "--agents: '-1' is not a whole number")]
    [InlineData("--mix", "fax=1", "--mix: 'fax=1'")]
    [InlineData("--survey-share", "2", "--survey-share: '2' is not a number from 0 to 1")]
    [InlineData("--bogus", "1", "unknown option --bogus")]
    [InlineData("--label", "a b", "--label: 'a b'")]
    public void Bad_options_are_named(string option, string value, string message)
    {
        var e = Assert.Throws<OptionException>(() => OptionParser.Parse(["--data", _corpus, option, value], _root, NoVariables));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_value_is_named() =>
        Assert.Equal("--rate needs a value (see --help)", Assert.Throws<OptionException>(() => OptionParser.Parse(["--rate"], _root, NoVariables)).Message);

    [Fact]
    public void Without_a_running_system_it_says_how_to_start_one()
    {
        File.Delete(Path.Combine(_root, ".quality", "quality.env"));
        var e = Assert.Throws<OptionException>(() => OptionParser.Parse(["--data", _corpus], _root, NoVariables));
        Assert.Contains("scripts/run.sh", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_are_left_out_of_the_recorded_command() =>
        Assert.Equal("dotnet run --project bench/Quality.LoadGenerator -c Release -- --rate 500 --token … --postgres=…",
            OptionParser.Describe(["--rate", "500", "--token", "secret", "--postgres=Password=x"]));

    [Fact]
    public void Addresses_and_token_an_apphost_passes_in_the_environment_come_before_quality_env()
    {
        var variables = new Dictionary<string, string>
        {
            ["services__intake__http__0"] = "http://127.0.0.1:11",
            ["services__notifications__http__0"] = "http://127.0.0.1:14",
            ["QUALITY_TOKEN"] = "from-apphost",
        };

        var options = OptionParser.Parse(["--data", _corpus, "--routing", "http://127.0.0.1:22"], _root, variables.GetValueOrDefault);

        Assert.Equal(new Uri("http://127.0.0.1:11/"), options.IntakeUrl);
        Assert.Equal(new Uri("http://127.0.0.1:22/"), options.RoutingUrl);
        Assert.Equal(new Uri("http://127.0.0.1:3/"), options.ScoringUrl);
        Assert.Equal(new Uri("http://127.0.0.1:14/"), options.NotificationsUrl);
        Assert.Equal("from-apphost", options.Token);
    }

    [Fact]
    public void The_demo_gives_agents_time_over_their_cases_and_benchmarks_do_not()
    {
        var demo = OptionParser.Parse(["--data", _corpus, "--demo", "--rate", "5"], _root, NoVariables);
        var benchmark = OptionParser.Parse(["--data", _corpus], _root, NoVariables);
        var slower = OptionParser.Parse(["--data", _corpus, "--demo", "--agent-work-time", "45"], _root, NoVariables);

        Assert.True(demo.Demo);
        Assert.Equal(TimeSpan.FromSeconds(20), demo.AgentWorkTime);
        Assert.False(benchmark.Demo);
        Assert.Equal(TimeSpan.Zero, benchmark.AgentWorkTime);
        Assert.Equal(TimeSpan.FromSeconds(45), slower.AgentWorkTime);
    }

    [Fact]
    public void Without_the_corpus_it_says_there_are_no_built_in_texts()
    {
        var e = Assert.Throws<OptionException>(() => OptionParser.Parse(["--demo", "--token", "t"], Path.Combine(_root, "repo"), NoVariables));
        Assert.Contains("waimai_10k.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains("no built-in texts", e.Message, StringComparison.Ordinal);
    }

    private static string? NoVariables(string name) => null;

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
