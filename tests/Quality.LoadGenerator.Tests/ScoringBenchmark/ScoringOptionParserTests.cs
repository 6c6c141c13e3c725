using Quality.Benchmarking.CommandLine;
using Quality.Scoring.Benchmark.Options;

namespace Quality.LoadGenerator.Tests.ScoringBenchmark;

public sealed class ScoringOptionParserTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("scoring-bench-").FullName;

    public ScoringOptionParserTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".quality"));
        File.WriteAllLines(Path.Combine(_root, ".quality", "quality.env"),
            ["QUALITY_TOKEN=t0k", "SCORING_URL=http://127.0.0.1:3", "SCORING_GRPC=http://127.0.0.1:4", "RABBITMQ_URI=amqp://u:p@127.0.0.1:5"]);
    }

    [Fact]
    public void Reads_the_system_from_quality_env_and_the_load_from_the_command_line()
    {
        var options = OptionParser.Parse(["--events", "20000", "--warm-up-events", "0", "--rate", "max,2000", "--subscribers=200", "--stages", "fold,feed", "--query-periods", "Last_Hour"], _root);
        Assert.Equal(new Uri("http://127.0.0.1:3/"), options.ScoringUrl);
        Assert.Equal(new Uri("http://127.0.0.1:4/"), options.ScoringGrpcUrl);
        Assert.Equal("t0k", options.Token);
        Assert.Equal(20_000, options.Events);
        Assert.Equal(0, options.WarmUpEvents);
        Assert.Equal([null, 2000.0], options.Rates);
        Assert.Equal(200, options.Subscribers);
        Assert.Equal(new HashSet<Stage> { Stage.Fold, Stage.Feed }, options.Stages);
        Assert.Equal(["last_hour"], options.QueryPeriods);
        Assert.Equal(Path.Combine(_root, ".quality"), options.DataDirectory);
        Assert.Equal("scoring", options.Label);
    }

    [Fact]
    public void By_default_every_stage_runs_at_the_issue_s_figures()
    {
        var options = OptionParser.Parse([], _root);
        Assert.Equal(new HashSet<Stage> { Stage.Fold, Stage.Query, Stage.Feed }, options.Stages);
        Assert.Equal([null], options.Rates);
        Assert.Equal(80_000, options.WarmUpEvents);
        Assert.Equal(["last_hour", "day"], options.QueryPeriods);
        Assert.Equal(1000, options.Subscribers);
    }

    [Fact]
    public void The_transport_ceiling_runs_only_when_asked_for()
    {
        var options = OptionParser.Parse(["--stages", "fold,Transport"], _root);
        Assert.Equal(new HashSet<Stage> { Stage.Fold, Stage.Transport }, options.Stages);
    }

    [Theory]
    [InlineData("--stages", "fold,speed", "--stages: unknown stage 'speed'")]
    [InlineData("--rate", "0", "--rate: '0' is not a positive number")]
    [InlineData("--query-periods", "week", "--query-periods: unknown period 'week'")]
    [InlineData("--query-periods", ",", "--query-periods: give last_hour, day or both")]
    [InlineData("--events", "5", "--events: '5' is not a whole number from 10")]
    [InlineData("--warm-up-events", "-1", "--warm-up-events: '-1' is not a whole number from 0")]
    [InlineData("--publishers", "17", "--publishers: '17' is not a whole number from 1 to 16")]
    [InlineData("--scoring", "ftp://x", "--scoring: 'ftp://x' is not an http(s) URL")]
    [InlineData("--rabbitmq", "http://x", "--rabbitmq: not an amqp:// URI")]
    [InlineData("--bogus", "1", "unknown option --bogus")]
    public void Bad_options_are_named(string option, string value, string message)
    {
        var e = Assert.Throws<OptionException>(() => OptionParser.Parse([option, value], _root));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_running_system_it_says_how_to_start_one()
    {
        File.Delete(Path.Combine(_root, ".quality", "quality.env"));
        var e = Assert.Throws<OptionException>(() => OptionParser.Parse([], _root));
        Assert.Contains("scripts/run.sh", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_are_left_out_of_the_recorded_command() =>
        Assert.Equal("dotnet run --project bench/Quality.Scoring.Benchmark -c Release -- --events 100 --token … --rabbitmq=…",
            OptionParser.Parse(["--events", "100", "--token", "secret", "--rabbitmq=amqp://u:p@h:1"], _root).CommandLine);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
