using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quality.LoadGenerator.Reporting;

/// <summary>Writes a run's JSON and Markdown side by side, named by start time and label.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Returns the path of the Markdown file.</summary>
    public static string Write(RunReport report, string directory, string label)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"{report.StartedAt:yyyy-MM-dd-HHmm}-{label}");
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(report, Json));
        File.WriteAllText(stem + ".md", MarkdownReport.Render(report));
        return stem + ".md";
    }
}
