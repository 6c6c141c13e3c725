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
        var options = OptionParser.Parse(["--data", _corpus, "--rate", "100,500,max", "--duration=30", "--agents", "0"], _root);
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
        var e = Assert.Throws<OptionException>(() => OptionParser.Parse(["--data", _corpus, option, value], _root));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_value_is_named() =>
        Assert.Equal("--rate needs a value (see --help)", Assert.Throws<OptionException>(() => OptionParser.Parse(["--rate"], _root)).Message);

    [Fact]
    public void Without_a_running_system_it_says_how_to_start_one()
    {
        File.Delete(Path.Combine(_root, ".quality", "quality.env"));
        var e = Assert.Throws<OptionException>(() => OptionParser.Parse(["--data", _corpus], _root));
        Assert.Contains("scripts/run.sh", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_are_left_out_of_the_recorded_command() =>
        Assert.Equal("dotnet run --project bench/Quality.LoadGenerator -c Release -- --rate 500 --token … --postgres=…",
            OptionParser.Describe(["--rate", "500", "--token", "secret", "--postgres=Password=x"]));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
