using System.Diagnostics;
using System.Text.RegularExpressions;
using Quality.Contracts;
using Quality.ServiceDefaults.Authentication;

namespace Quality.SystemTests;

/// <summary>
/// The bad-input suite, run as a user runs it (<c>bench/Quality.BadInput</c>), against the whole system: every HTTP
/// operation and gRPC method the services describe, attacked with malformed, oversized, wrongly encoded,
/// injection-laden and unauthenticated requests. Like every system test it runs alone (the assembly is serial): it
/// compares all stored data before and after.
/// </summary>
public sealed partial class BadInputSuiteTests(QualitySystem system)
{
    [Fact]
    public async Task Thousands_of_bad_requests_to_every_endpoint_get_clear_refusals_crash_nothing_and_change_no_stored_data()
    {
        var directory = Directory.CreateTempSubdirectory("quality-bad-input-");
        try
        {
            // What the AppHost writes for a user, and its pid: this test process is the AppHost, the services its children.
            var services = new[] { ResourceNames.Intake, ResourceNames.Routing, ResourceNames.Scoring, ResourceNames.Notifications };
            await File.WriteAllLinesAsync(Path.Combine(directory.FullName, "quality.env"),
            [
                $"QUALITY_TOKEN={system.Token(Roles.Admin)}",
                $"POSTGRES_CONNECTION={system.App.GetConnectionString(ResourceNames.Postgres)}",
                .. services.SelectMany(s => new[]
                {
                    $"{s.ToUpperInvariant()}_URL={system.App.GetEndpoint(s, ResourceNames.HttpEndpoint)}",
                    $"{s.ToUpperInvariant()}_GRPC={system.App.GetEndpoint(s, ResourceNames.GrpcEndpoint)}",
                }),
            ], TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "apphost.pid"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), TestContext.Current.CancellationToken);

            var (exitCode, output) = await RunSuiteAsync(system.App.RepositoryRoot, Path.Combine(directory.FullName, "quality.env"));

            Assert.True(exitCode == 0, $"the suite exited {exitCode}:\n{output}");
            var requests = int.Parse(RequestsLine().Match(output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(requests > 5_000, $"only {requests} requests:\n{output}");
            Assert.Contains("stored data: unchanged; service processes: none crashed; health: all healthy", output, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunSuiteAsync(string root, string environmentFile)
    {
        var tool = Path.Combine(root, "bench", "Quality.BadInput", "bin", "Release", "net10.0", "Quality.BadInput.dll");
        Assert.True(File.Exists(tool), $"{tool} is not built");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        foreach (var argument in new[] { tool, "--env", environmentFile })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await errors);
    }

    [GeneratedRegex(@"(\d+) requests to \d+ HTTP operations")]
    private static partial Regex RequestsLine();
}
