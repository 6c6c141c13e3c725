using System.Globalization;
using System.Text;

namespace Quality.Web.Benchmark.Reporting;

/// <summary>The run as Markdown tables (also what the console prints).</summary>
public static class MarkdownReport
{
    public static string Render(RunReport report)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Web dashboard benchmark, {report.StartedAt:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"`{report.Command}`");
        md.AppendLine();
        var m = report.Machine;
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {m.Cores} cores ({m.Cpu}), {m.MemoryGb} GB, {m.Os}, {m.Runtime}; load average at start {m.LoadAverage}.");
        md.AppendLine();
        md.AppendLine(string.Join(", ", report.Settings.Select(s => $"{s.Key}: {s.Value}")));
        md.AppendLine();
        if (report.ColdLoads is { } cold)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"## Overview, cold loads ({cold.Loads - cold.Failures.Count} of {cold.Loads} went live)");
            md.AppendLine();
            md.AppendLine("| ms from navigation start | n | p50 | p90 | p99 | max |");
            md.AppendLine("|---|---|---|---|---|---|");
            Row(md, "time to first byte", cold.TimeToFirstByteMs);
            Row(md, "first paint", cold.FirstPaintMs);
            Row(md, "first contentful paint", cold.FirstContentfulPaintMs);
            Row(md, "DOM content loaded", cold.DomContentLoadedMs);
            Row(md, "live data (feed Live, snapshot shown)", cold.LiveDataMs);
            md.AppendLine();
            foreach (var failure in cold.Failures)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {failure}");
            }
        }

        if (report.Hold is { } hold)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"## {hold.PagesRequested} dashboards held open ({hold.Contexts} browser contexts)");
            md.AppendLine();
            md.AppendLine("| Figure | Value |");
            md.AppendLine("|---|---|");
            md.AppendLine(CultureInfo.InvariantCulture, $"| pages live after opening | {hold.PagesLive} of {hold.PagesRequested} in {hold.OpenSeconds} s |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| held | {hold.HeldSeconds} s, {hold.Posts} complaints posted |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| page × post pairs that showed the backlog change | {hold.Seen} of {hold.Expected} |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| post → page shows it, p50 / p90 / p99 / max | {F(hold.PostToPageMs.P50)} / {F(hold.PostToPageMs.P90)} / {F(hold.PostToPageMs.P99)} / {F(hold.PostToPageMs.Max)} ms |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| pages still live at the end | {hold.PagesLiveAtEnd} |");
            if (hold.Web is { } web)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| web RSS before → peak | {web.RssBeforeMb} → {web.RssPeakMb} MB ({F(web.RssPerPageKb)} KB per page) |");
                md.AppendLine(CultureInfo.InvariantCulture, $"| web CPU while held | {web.CpuCoresWhileHeld} cores (opening the pages: {web.CpuSecondsOpening} CPU s) |");
                md.AppendLine(CultureInfo.InvariantCulture, $"| connections to the web port (≈ circuits) before → peak | {web.ConnectionsBefore} → {web.ConnectionsPeak} |");
            }

            md.AppendLine(CultureInfo.InvariantCulture, $"| Scoring CPU while held (one live KPI feed per page) | {hold.ScoringCpuCoresWhileHeld} cores |");
            var client = hold.Client;
            md.AppendLine(CultureInfo.InvariantCulture, $"| browser PSS (all its processes) before → peak | {client.RssBeforeMb} → {client.RssPeakMb} MB ({F(client.RssPerPageKb)} KB per page) |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| browser CPU while held | {client.CpuCoresWhileHeld} cores (opening: {client.CpuSecondsOpening} CPU s) |");
            md.AppendLine();
            md.AppendLine("| Post | kind | seen by | p50 ms | p99 ms | max ms |");
            md.AppendLine("|---|---|---|---|---|---|");
            foreach (var post in hold.PerPost)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {post.Index} | {post.Kind} | {post.SeenBy}/{post.Pages} | {F(post.P50Ms)} | {F(post.P99Ms)} | {F(post.MaxMs)} |");
            }

            md.AppendLine();
            foreach (var failure in hold.OpenFailures.Take(10))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {failure}");
            }
        }

        foreach (var note in report.Notes)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"> {note}");
            md.AppendLine();
        }

        return md.ToString();
    }

    private static void Row(StringBuilder md, string name, LatencySummary s) =>
        md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {s.Count} | {F(s.P50)} | {F(s.P90)} | {F(s.P99)} | {F(s.Max)} |");

    private static string F(double value) => double.IsNaN(value) ? "—" : value.ToString("0", CultureInfo.InvariantCulture);
}
