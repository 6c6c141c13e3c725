using Quality.Benchmarking.CommandLine;
using Quality.Routing.Benchmark.Options;

namespace Quality.LoadGenerator.Tests.Routing;

public sealed class RoutingOptionParserTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("routing-bench-").FullName;
    private readonly string _corpus;

    public RoutingOptionParserTests()
    {
        _corpus = Path.Combine(_root, "reviews.csv");
        File.WriteAllLines(_corpus, ["label,review", "0,太慢了"]);
        Directory.CreateDirectory(Path.Combine(_root, ".quality"));
        File.WriteAllLines(Path.Combine(_root, ".quality", "quality.env"),
            ["QUALITY_TOKEN=t0k", "ROUTING_URL=http://127.0.0.1:2", "RABBITMQ_URI=amqp://u:p@127.0.0.1:4/"]);
    }

    [Fact]
    public void Reads_the_system_from_quality_env_and_the_stages_from_the_command_line()
    {
        var options = RoutingOptionParser(["--data", _corpus, "--count", "0", "--warm-up", "500", "--rate=250", "--timers", "5000", "--sla-lead", "90"]);
        Assert.Equal(new Uri("http://127.0.0.1:2/"), options.RoutingUrl);
        Assert.Equal("t0k", options.Token);
        Assert.Equal("amqp://u:p@127.0.0.1:4/", options.RabbitMqUri);
        Assert.Equal((0, 250.0, 5000, TimeSpan.FromSeconds(90)), (options.Count, options.Rate, options.Timers, options.SlaLead));
        Assert.Equal(TimeSpan.FromSeconds(60), options.Duration);
        Assert.Equal(500, options.WarmUp);
        Assert.Equal(0, options.SteadyOpen);
        var steady = RoutingOptionParser(["--data", _corpus, "--steady-open", "100000", "--steady-rate", "50", "--steady-duration", "30"]);
        Assert.Equal((100_000, 50.0, TimeSpan.FromSeconds(30)), (steady.SteadyOpen, steady.SteadyRate, steady.SteadyDuration));
        Assert.Null(RoutingOptionParser(["--data", _corpus]).SlaLead);
        Assert.Equal(3_000, RoutingOptionParser(["--data", _corpus]).WarmUp);
    }

    [Theory]
    [InlineData("--rate", "fast", "--rate: 'fast' is not a number from 1 to 100000")]
    [InlineData("--timers", "-1", "--timers: '-1' is not a whole number")]
    [InlineData("--warm-up", "-5", "--warm-up: '-5' is not a whole number")]
    [InlineData("--steady-rate", "0", "--steady-rate: '0' is not a number from 1 to 10000")]
    [InlineData("--sla-goal", "0.5", "--sla-goal: '0.5' is not a number from 1 to 3600")]
    [InlineData("--rabbitmq", "http://x", "--rabbitmq: not an amqp:// URI")]
    [InlineData("--bogus", "1", "unknown option --bogus")]
    public void Bad_options_are_named(string option, string value, string message)
    {
        var e = Assert.Throws<OptionException>(() => RoutingOptionParser(["--data", _corpus, option, value]));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_running_system_it_says_how_to_start_one()
    {
        File.Delete(Path.Combine(_root, ".quality", "quality.env"));
        var e = Assert.Throws<OptionException>(() => RoutingOptionParser(["--data", _corpus]));
        Assert.Contains("scripts/run.sh", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_are_left_out_of_the_recorded_command() =>
        Assert.Equal("dotnet run --project bench/Quality.Routing.Benchmark -c Release -- --data " + _corpus + " --token … --rabbitmq=…",
            RoutingOptionParser(["--data", _corpus, "--token", "secret", "--rabbitmq=amqp://u:p@h/"]).CommandLine);

    private BenchmarkOptions RoutingOptionParser(string[] args) => OptionParser.Parse(args, _root);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
