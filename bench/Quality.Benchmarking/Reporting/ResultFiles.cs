using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quality.Benchmarking.Reporting;

/// <summary>
/// Writes a run's results side by side as <c>&lt;yyyy-MM-dd-HHmm&gt;-&lt;label&gt;.json</c> and <c>.md</c>
/// (docs/benchmarks/ by default): the JSON for tools, the Markdown for the README and reviews.
/// </summary>
public static class ResultFiles
{
    /// <summary>NaN stays NaN (a figure not measured), Chinese text stays readable.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string DefaultDirectory(string repositoryRoot) => Path.Combine(repositoryRoot, "docs", "benchmarks");

    /// <summary>Returns the path of the Markdown file.</summary>
    public static string Write<TReport>(TReport report, string markdown, string directory, DateTimeOffset startedAt, string label)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"{startedAt.UtcDateTime:yyyy-MM-dd-HHmm}-{label}");
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(report, Json));
        File.WriteAllText(stem + ".md", markdown);
        return stem + ".md";
    }
}
