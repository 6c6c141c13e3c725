namespace Quality.LoadGenerator.Reporting;

/// <summary>Writes a run's JSON and Markdown side by side, named by start time and label.</summary>
public static class ReportWriter
{
    /// <summary>Returns the path of the Markdown file.</summary>
    public static string Write(RunReport report, string directory, string label) =>
        ResultFiles.Write(report, MarkdownReport.Render(report), directory, report.StartedAt, label);
}
