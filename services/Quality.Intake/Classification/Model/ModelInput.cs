using Microsoft.ML.Data;

namespace Quality.Intake.Classification.Model;

/// <summary>The row ML.NET trains and predicts on: the text, the rules' view of it, and (when training) the labels.</summary>
public sealed class ModelInput
{
    public const int RuleFeatureCount = 4;

    public string Text { get; set; } = "";

    /// <summary>
    /// What the rules saw (sentiment, positive and negative hits, critical words): the lexicon carries knowledge a
    /// small training set lacks, so the model learns how far to trust it instead of starting from nothing.
    /// </summary>
    [VectorType(RuleFeatureCount)]
    public float[] RuleFeatures { get; set; } = new float[RuleFeatureCount];

    public string Kind { get; set; } = "";

    public string Category { get; set; } = "";

    public static ModelInput From(string text, Classification rules, string kind = "", string category = "")
    {
        var positive = rules.Evidence.Count(e => e.StartsWith("positive:", StringComparison.Ordinal));
        var negative = rules.Evidence.Count(e => e.StartsWith("negative:", StringComparison.Ordinal));
        var critical = rules.Evidence.Count(e => e.StartsWith("critical:", StringComparison.Ordinal));
        return new ModelInput
        {
            Text = text,
            RuleFeatures = [(float)rules.Sentiment, Math.Min(positive, 5) / 5f, Math.Min(negative, 5) / 5f, Math.Min(critical, 1)],
            Kind = kind,
            Category = category,
        };
    }
}
