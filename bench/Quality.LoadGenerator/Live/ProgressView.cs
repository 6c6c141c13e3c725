using System.Globalization;
using Spectre.Console;

namespace Quality.LoadGenerator.Live;

/// <summary>Shows the run's progress: a live Spectre.Console table on a terminal, a line every 5 s otherwise.</summary>
public static class ProgressView
{
    public static async Task ShowWhileAsync(Task work, Func<RunStatus> status, bool live)
    {
        if (live && !Console.IsOutputRedirected)
        {
            await AnsiConsole.Live(Render(status())).AutoClear(false).StartAsync(async context =>
            {
                while (await Task.WhenAny(work, Task.Delay(500)).ConfigureAwait(false) != work)
                {
                    context.UpdateTarget(Render(status()));
                }

                context.UpdateTarget(Render(status()));
            }).ConfigureAwait(false);
        }
        else
        {
            while (await Task.WhenAny(work, Task.Delay(5000)).ConfigureAwait(false) != work)
            {
                Console.WriteLine(Line(status()));
            }
        }

        await work.ConfigureAwait(false);
    }

    private static Table Render(RunStatus s)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]Quality load generator[/] — {Markup.Escape(s.Phase)} {s.PhaseSeconds:0}s");
        table.AddColumn("Intake").AddColumn("Routing").AddColumn("Scoring").AddColumn("Agents").AddColumn("Machine");
        table.AddRow(
            $"sent {s.ItemsSent:#,0}\nstored {s.ItemsStored:#,0}\n[bold]{s.ItemsPerSecond:#,0} items/s[/]\nin flight {s.InFlight}\n{(s.FailedRequests > 0 ? "[red]" : "")}failed {s.FailedRequests}{(s.FailedRequests > 0 ? "[/]" : "")}\np99 stored {Ms(s.StoredP99)}",
            $"complaints {s.Complaints:#,0}\nassigned {s.Assigned:#,0}\np99 assigned {Ms(s.AssignedP99)}",
            $"not yet in KPIs {s.KpiPending:#,0}",
            $"resolved {s.Resolved:#,0}\nsurveys {s.Surveys:#,0}\nerrors {s.AgentErrors}",
            $"load {Markup.Escape(s.LoadAverage)}");
        return table;
    }

    private static string Line(RunStatus s) => string.Create(CultureInfo.InvariantCulture,
        $"[{s.Phase} {s.PhaseSeconds:0}s] sent {s.ItemsSent} stored {s.ItemsStored} ({s.ItemsPerSecond:0}/s) failed {s.FailedRequests} in-flight {s.InFlight} | complaints {s.Complaints} assigned {s.Assigned} p99 {Ms(s.AssignedP99)} | kpi pending {s.KpiPending} | resolved {s.Resolved} surveys {s.Surveys} | load {s.LoadAverage}");

    private static string Ms(double value) => double.IsNaN(value) ? "–" : $"{value:0} ms";
}
