using Quality.Intake.Classification;

namespace Quality.Intake.Tests.Classification;

/// <summary>The lexicon the service ships, as an operator would find it beside the binaries.</summary>
internal static class TestLexicon
{
    public static Lexicon Shipped { get; } = Lexicon.Load(Path.Combine(AppContext.BaseDirectory, "Classification", "lexicon.json"));
}
