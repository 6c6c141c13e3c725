using Quality.Benchmarking.Configuration;

namespace Quality.LoadGenerator.Tests.Benchmarking;

public sealed class EnvironmentFileTests
{
    [Fact]
    public void Values_quoted_for_a_shell_read_back_as_the_shell_reads_them()
    {
        var values = EnvironmentFile.Parse(
        [
            "POSTGRES_CONNECTION='Host=127.0.0.1;Port=5432;Username=postgres;Password=p'",
            @"NOTE='it'\''s here'",
            "PLAIN=http://127.0.0.1:5000",
            "DOUBLE=\"two words\"",
            "# a comment",
        ]);

        Assert.Equal("Host=127.0.0.1;Port=5432;Username=postgres;Password=p", values["POSTGRES_CONNECTION"]);
        Assert.Equal("it's here", values["NOTE"]);
        Assert.Equal("http://127.0.0.1:5000", values["PLAIN"]);
        Assert.Equal("two words", values["DOUBLE"]);
        Assert.Equal(4, values.Count);
    }
}
