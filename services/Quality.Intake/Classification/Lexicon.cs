using System.Text.Json;

namespace Quality.Intake.Classification;

/// <summary>Word lists per language ("zh", "en") that the rules classify with; loaded from an operator-editable file.</summary>
public sealed record Lexicon
{
    public required Dictionary<string, string[]> Negative { get; init; }
    public required Dictionary<string, string[]> Positive { get; init; }
    public required Dictionary<string, string[]> Negations { get; init; }
    public required Dictionary<string, string[]> Intensifiers { get; init; }
    public required Dictionary<string, string[]> Critical { get; init; }
    public required Dictionary<string, Dictionary<string, string[]>> Kinds { get; init; }
    public required Dictionary<string, Dictionary<string, string[]>> Categories { get; init; }
    public required string DefaultCategory { get; init; }

    /// <summary>
    /// Words that may sit between a negation and what it negates ("不是很好吃", "not that good") without
    /// strengthening anything. Optional, so lexicon files written before it still load.
    /// </summary>
    public Dictionary<string, string[]> Degrees { get; init; } = [];

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public static Lexicon Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<Lexicon>(stream, Options)
                ?? throw new InvalidOperationException($"Lexicon file '{path}' is empty.");
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new InvalidOperationException($"Lexicon file '{path}' cannot be read: {e.Message}", e);
        }
    }

    public static IReadOnlyList<string> Words(Dictionary<string, string[]> byLanguage, string language) =>
        byLanguage.TryGetValue(language, out var words) ? words : [];
}
