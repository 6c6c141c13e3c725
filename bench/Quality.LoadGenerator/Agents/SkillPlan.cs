namespace Quality.LoadGenerator.Agents;

/// <summary>
/// Which categories each simulated agent handles: agents specialise in half the categories, alternating halves, so
/// every category is covered by half the agents; with fewer than two agents everyone handles everything.
/// Every agent speaks Chinese and English.
/// </summary>
public static class SkillPlan
{
    /// <summary>Intake's categories (services/Quality.Intake/Classification/lexicon.json, "other" when none matched).</summary>
    public static readonly IReadOnlyList<string> Categories = ["delivery", "product_quality", "billing", "service_attitude", "technical", "other"];

    public static readonly IReadOnlyList<string> Languages = ["zh", "en"];

    public static IReadOnlyList<string> CategoriesFor(int agent, int agents)
    {
        if (agents < 2)
        {
            return Categories;
        }

        var share = (Categories.Count + 1) / 2;
        return [.. Enumerable.Range(0, share).Select(i => Categories[(agent * share + i) % Categories.Count])];
    }
}
