using System.Diagnostics;
using Quality.AppHost;

namespace Quality.Hosting.Tests;

/// <summary>The AppHost's <c>quality.env</c>, which the README tells people to source with <c>set -a; . file; set +a</c>.</summary>
public sealed class DevelopmentAccessTests
{
    [Fact]
    public async Task A_posix_shell_sourcing_the_lines_reads_back_every_value_exactly_and_nothing_else()
    {
        var values = new Dictionary<string, string>
        {
            ["POSTGRES_CONNECTION"] = "Host=127.0.0.1;Port=5432;Username=postgres;Password=a1b2",
            ["ODD"] = "it's $HOME & `date` \\ \"quoted\" | more",
            ["GATEWAY_URL"] = "http://127.0.0.1:5000",
        };
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(file, values.Select(v => DevelopmentAccess.Assignment(v.Key, v.Value)), TestContext.Current.CancellationToken);
            // Before the fix, the connection string's ';' ended the assignment and left Port, Username and Password set.
            var script = "set -a; . \"$0\"; set +a; printf '%s\\n' \"$POSTGRES_CONNECTION\" \"$ODD\" \"$GATEWAY_URL\" \"${Port-unset}\"";
            var shell = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", script, file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await shell.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await shell.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.Equal(0, shell.ExitCode);
            Assert.Equal([.. values.Values, "unset"], output.TrimEnd('\n').Split('\n'));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
