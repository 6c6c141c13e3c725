namespace Quality.Benchmarking.Corpus;

/// <summary>Where the review corpus lives: in the project's shared folder beside the repository, never copied in.</summary>
public static class CorpusPath
{
    public static string Default(string repositoryRoot) =>
        Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "data", "waimai_10k.csv"));
}
