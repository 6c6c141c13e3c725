using Quality.Benchmarking.CommandLine;

namespace Quality.LoadGenerator.Tests.Benchmarking;

public sealed class CommandLineArgumentsTests
{
    private static readonly HashSet<string> Known = ["rate", "token"];
    private static readonly HashSet<string> Flags = ["no-live"];

    [Fact]
    public void Reads_separate_inline_and_flag_forms() =>
        Assert.Equal(
            new Dictionary<string, string> { ["rate"] = "500", ["token"] = "t", ["no-live"] = "true" },
            CommandLineArguments.ReadPairs(["--rate", "500", "--token=t", "--no-live"], Known, Flags));

    [Theory]
    [InlineData("--bogus", "unknown option --bogus (see --help)")]
    [InlineData("rate", "unexpected argument 'rate' (options start with --; see --help)")]
    [InlineData("--rate", "--rate needs a value (see --help)")]
    public void Bad_arguments_are_named(string arg, string message) =>
        Assert.Equal(message, Assert.Throws<OptionException>(() => CommandLineArguments.ReadPairs([arg], Known, Flags)).Message);
}
