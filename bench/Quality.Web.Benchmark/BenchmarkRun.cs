using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using Quality.Web.Benchmark.Browser;
using Quality.Web.Benchmark.Measurement;
using Quality.Web.Benchmark.Options;
using Quality.Web.Benchmark.Reporting;

namespace Quality.Web.Benchmark;

/// <summary>One run: sign in, the overview's cold loads, then many dashboards held open while complaints arrive.</summary>
public sealed class BenchmarkRun(WebBenchOptions options)
{
    private readonly List<string> _notes = [];

    public async Task<RunReport> RunAsync(CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Current();
        if (machine.PreliminaryNote() is { } preliminary)
        {
            _notes.Add(preliminary);
        }

        var web = ServiceProcess.Find(options.DataDirectory, "Quality.Web.dll", options.WebUrl, out var problem);
        if (problem is not null)
        {
            _notes.Add(problem);
        }

        var scoring = options.ScoringUrl is null ? null : ServiceProcess.Find(options.DataDirectory, "Quality.Scoring.dll", options.ScoringUrl, out problem);
        if (problem is not null)
        {
            _notes.Add(problem);
        }

        using var intake = new HttpClient { BaseAddress = options.IntakeUrl, Timeout = TimeSpan.FromSeconds(30) };
        intake.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);

        Chromium chromium;
        try
        {
            chromium = await Chromium.LaunchAsync(options.ChromiumPath, options.RendererProcesses).ConfigureAwait(false);
        }
        catch (PlaywrightException e)
        {
            throw new RunException($"Chromium at {options.ChromiumPath} did not start: {e.Message.Split('\n')[0]}");
        }

        await using (chromium.ConfigureAwait(false))
        {
            try
            {
                await chromium.SignInAsync(options.WebUrl, options.UserName, options.Password).ConfigureAwait(false);
            }
            catch (PlaywrightException e)
            {
                throw new RunException($"the dashboard at {options.WebUrl} is not answering ({e.Message.Split('\n')[0]}): start the system with scripts/run.sh or pass --web");
            }

            var cold = options.ColdLoads > 0
                ? await ColdLoads.RunAsync(chromium, options.WebUrl, options.ColdLoads, Progress, ct).ConfigureAwait(false)
                : null;
            var hold = options.Pages > 0
                ? await new HeldDashboards(options, chromium, web, scoring, intake, Progress).RunAsync(ct).ConfigureAwait(false)
                : null;
            if (hold is { } h && h.Seen < h.Expected)
            {
                _notes.Add($"{h.Expected - h.Seen} page × post pairs did not show the change within {options.SeenWithin.TotalSeconds:0} s (--seen-within).");
            }

            _notes.Add("Other traffic on the system (the demo mode, a load generator) also changes the backlog: a page may then count another item's change as the post's. Run it on a quiet system.");
            return new RunReport
            {
                StartedAt = startedAt,
                Command = options.CommandLine,
                Machine = machine,
                Settings = new Dictionary<string, string>
                {
                    ["cold loads"] = options.ColdLoads.ToString(CultureInfo.InvariantCulture),
                    ["pages"] = options.Pages.ToString(CultureInfo.InvariantCulture),
                    ["contexts"] = options.Contexts.ToString(CultureInfo.InvariantCulture),
                    ["renderer processes"] = options.RendererProcesses == 0 ? "one per page" : $"at most {options.RendererProcesses}",
                    ["hold"] = $"{options.Hold.TotalSeconds:0} s",
                    ["posts"] = options.Posts.ToString(CultureInfo.InvariantCulture),
                    ["seen within"] = $"{options.SeenWithin.TotalSeconds:0} s",
                    ["load average after"] = MachineInfo.LoadAverageNow(),
                },
                ColdLoads = cold,
                Hold = hold,
                Notes = _notes,
            };
        }
    }

    private static void Progress(string line) => Console.WriteLine($"{DateTime.Now:HH:mm:ss} {line}");
}
