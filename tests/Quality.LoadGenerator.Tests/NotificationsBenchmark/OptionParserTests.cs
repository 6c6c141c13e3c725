using Quality.Benchmarking.CommandLine;
using Quality.Notifications.Benchmark.Options;

namespace Quality.LoadGenerator.Tests.NotificationsBenchmark;

public sealed class OptionParserTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("notify-bench-").FullName;

    private string WriteEnv(params string[] lines)
    {
        var path = Path.Combine(_root, "quality.env");
        File.WriteAllLines(path, lines);
        return path;
    }

    private string CompleteEnv() => WriteEnv(
        "QUALITY_TOKEN=secret-token", "NOTIFICATIONS_URL=http://127.0.0.1:5000", "RABBITMQ_URI=amqp://u:p@127.0.0.1:5672",
        "POSTGRES_CONNECTION=Host=127.0.0.1;Port=5432;Username=u;Password=p");

    [Fact]
    public void Defaults_come_from_the_environment_file()
    {
        var options = OptionParser.Parse(["--env", CompleteEnv()], _root);

        Assert.Equal(new Uri("http://127.0.0.1:5000/"), options.NotificationsUrl);
        Assert.Equal("secret-token", options.Token);
        Assert.Equal(4, options.HealthyReceivers);
        Assert.Equal([StageKind.Healthy, StageKind.Dead], options.Stages);
        Assert.Equal(200, options.Rate);
        Assert.False(options.FailingReceiver);
    }

    [Fact]
    public void The_recorded_command_line_leaves_secrets_out()
    {
        var options = OptionParser.Parse(["--env", CompleteEnv(), "--token", "abc", "--rate", "max", "--failing-receiver"], _root);

        Assert.DoesNotContain("abc", options.CommandLine, StringComparison.Ordinal);
        Assert.Contains("--rate max", options.CommandLine, StringComparison.Ordinal);
        Assert.Null(options.Rate);
        Assert.True(options.FailingReceiver);
    }

    [Theory]
    [InlineData("--rate", "0", "--rate")]
    [InlineData("--rate", "fast", "--rate")]
    [InlineData("--receivers", "0", "--receivers")]
    [InlineData("--receivers", "65", "--receivers")]
    [InlineData("--stages", "healthy,slow", "unknown stage")]
    [InlineData("--stages", "dead,dead", "twice")]
    [InlineData("--duration", "0", "--duration")]
    [InlineData("--notifications", "ftp://x", "--notifications")]
    [InlineData("--rabbitmq", "http://x", "--rabbitmq")]
    [InlineData("--label", "a b", "--label")]
    public void A_bad_value_is_one_clear_error_naming_the_option(string option, string value, string expected)
    {
        var error = Assert.Throws<OptionException>(() => OptionParser.Parse(["--env", CompleteEnv(), option, value], _root));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_running_system_the_error_says_how_to_start_one()
    {
        var error = Assert.Throws<OptionException>(() => OptionParser.Parse(["--env", WriteEnv("QUALITY_TOKEN=t")], _root));
        Assert.Contains("scripts/run.sh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_or_missing_env_file_is_refused()
    {
        Assert.Throws<OptionException>(() => OptionParser.Parse(["--env", CompleteEnv(), "--speed", "3"], _root));
        Assert.Throws<OptionException>(() => OptionParser.Parse(["--env", Path.Combine(_root, "missing.env")], _root));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
