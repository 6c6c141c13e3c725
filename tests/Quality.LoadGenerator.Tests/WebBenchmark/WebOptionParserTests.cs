using Quality.Benchmarking.CommandLine;
using Quality.Web.Benchmark.Options;

namespace Quality.LoadGenerator.Tests.WebBenchmark;

public sealed class WebOptionParserTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("web-bench-").FullName;
    private readonly string _chromium;

    public WebOptionParserTests()
    {
        var data = Path.Combine(_root, ".quality");
        Directory.CreateDirectory(Path.Combine(data, "secrets"));
        File.WriteAllLines(Path.Combine(data, "quality.env"), ["QUALITY_TOKEN=t0k", "WEB_URL=http://127.0.0.1:7", "INTAKE_URL=http://127.0.0.1:1"]);
        File.WriteAllText(Path.Combine(data, "secrets", "web-admin-password"), "s3cret\n");
        _chromium = Path.Combine(_root, "chromium");
        File.WriteAllText(_chromium, "");
    }

    [Fact]
    public void The_system_and_the_admin_password_come_from_the_data_directory()
    {
        var options = OptionParser.Parse(["--chromium", _chromium, "--pages", "50", "--hold=30"], _root);

        Assert.Equal(new Uri("http://127.0.0.1:7/"), options.WebUrl);
        Assert.Equal(new Uri("http://127.0.0.1:1/"), options.IntakeUrl);
        Assert.Equal("admin", options.UserName);
        Assert.Equal("s3cret", options.Password);
        Assert.Equal(Path.Combine(_root, ".quality"), options.DataDirectory);
        Assert.Equal(50, options.Pages);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Hold);
        Assert.Equal(20, options.ColdLoads);
        Assert.Equal(8, options.RendererProcesses);
        Assert.DoesNotContain("t0k", options.CommandLine, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--pages", "-1", "--pages: '-1' is not a whole number")]
    [InlineData("--hold", "0", "--hold: '0' is not a number of seconds")]
    [InlineData("--chromium", "/nowhere/chromium", "--chromium: /nowhere/chromium does not exist")]
    [InlineData("--password-file", "/nowhere/pw", "no password: /nowhere/pw does not exist")]
    public void Bad_options_are_named(string option, string value, string message)
    {
        var args = option == "--chromium" ? new[] { option, value } : ["--chromium", _chromium, option, value];
        var e = Assert.Throws<OptionException>(() => OptionParser.Parse(args, _root));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
