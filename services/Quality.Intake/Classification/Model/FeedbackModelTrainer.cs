using Microsoft.ML;
using Microsoft.ML.Transforms.Text;
using Quality.Contracts.Intake;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Classification.Model;

/// <summary>
/// Trains a <see cref="FeedbackModel"/> on labelled feedback: character n-grams (1–3, so Chinese needs no word
/// segmentation and English keeps its stems) plus the rules' own reading, into a multinomial logistic regression.
/// A fixed share is held out and the model is scored on it, so the metrics describe exactly the model returned.
/// </summary>
public sealed class FeedbackModelTrainer(FeedbackClassifier rules)
{
    /// <summary>Below this a head learns the sample, not the language.</summary>
    public const int MinimumPerLabel = 10;

    public FeedbackModel Train(IReadOnlyList<LabelledFeedback> examples, double holdoutFraction = 0.2, int seed = 20261123)
    {
        RequireEnough(examples, e => KindLabel(e.Kind), "kind");
        var (training, test) = Split(examples, holdoutFraction, seed);
        return Train(training, test, seed);
    }

    /// <summary>Trains on one set and scores on another, for callers that fix the split themselves.</summary>
    public FeedbackModel Train(IReadOnlyList<LabelledFeedback> training, IReadOnlyList<LabelledFeedback> test, int seed = 20261123)
    {
        RequireEnough(training, e => KindLabel(e.Kind), "kind");

        var ml = new MLContext(seed);
        var rows = training.Select(Input).ToList();
        var kind = TrainHead(ml, rows, nameof(ModelInput.Kind));

        // A category head only when people named at least two categories often enough to learn them.
        var learnable = rows.Where(r => r.Category.Length > 0)
            .GroupBy(r => r.Category)
            .Where(g => g.Count() >= MinimumPerLabel)
            .ToList();
        var category = learnable.Count >= 2 ? TrainHead(ml, learnable.SelectMany(g => g).ToList(), nameof(ModelInput.Category)) : null;

        var metrics = Score(kind, category, test, training.Count);
        return new FeedbackModel(kind, category, metrics);
    }

    private ModelInput Input(LabelledFeedback example) =>
        ModelInput.From(example.Text, rules.ClassifyByRules(example.Text), KindLabel(example.Kind), example.Category ?? "");

    public static string KindLabel(FeedbackKind kind) => kind.ToString().ToLowerInvariant();

    private static ModelHead TrainHead(MLContext ml, IReadOnlyList<ModelInput> rows, string labelColumn)
    {
        var text = new TextFeaturizingEstimator.Options
        {
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = true },
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1 },
            KeepPunctuations = false,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", labelColumn)
            .Append(ml.Transforms.Text.FeaturizeText("TextFeatures", text, nameof(ModelInput.Text)))
            .Append(ml.Transforms.Concatenate("Features", "TextFeatures", nameof(ModelInput.RuleFeatures)))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(l2Regularization: 0.01f, l1Regularization: 0f))
            .Append(ml.Transforms.Conversion.MapKeyToValue(nameof(ModelOutput.PredictedLabel)));
        var data = ml.Data.LoadFromEnumerable(rows);
        return new ModelHead(ml, pipeline.Fit(data), data.Schema);
    }

    private ModelMetrics Score(ModelHead kind, ModelHead? category, IReadOnlyList<LabelledFeedback> test, int trainingCount)
    {
        var kindOutcomes = new List<(string Actual, string Predicted)>(test.Count);
        int categoryHits = 0, categoryTotal = 0;
        foreach (var example in test)
        {
            var input = Input(example);
            kindOutcomes.Add((input.Kind, kind.Predict(input).Label));
            if (category is not null && input.Category.Length > 0)
            {
                categoryTotal++;
                categoryHits += category.Predict(input).Label == input.Category ? 1 : 0;
            }
        }

        var complaint = KindLabel(FeedbackKind.Complaint);
        var complaints = kindOutcomes.Count(o => o.Actual == complaint);
        return new ModelMetrics(
            trainingCount,
            test.Count,
            KindAccuracy: Ratio(kindOutcomes.Count(o => o.Actual == o.Predicted), kindOutcomes.Count),
            KindMacroF1: Math.Round(MacroF1(kindOutcomes), 4),
            ComplaintRecall: Ratio(kindOutcomes.Count(o => o.Actual == complaint && o.Predicted == complaint), complaints),
            CategoryAccuracy: categoryTotal > 0 ? Ratio(categoryHits, categoryTotal) : null);
    }

    /// <summary>The mean over labels of each label's F1, so a rare kind counts as much as a common one.</summary>
    public static double MacroF1(IReadOnlyList<(string Actual, string Predicted)> outcomes)
    {
        var labels = outcomes.Select(o => o.Actual).Distinct().ToList();
        return labels.Count == 0 ? 0 : labels.Average(label =>
        {
            var hits = outcomes.Count(o => o.Actual == label && o.Predicted == label);
            var falseAlarms = outcomes.Count(o => o.Actual != label && o.Predicted == label);
            var misses = outcomes.Count(o => o.Actual == label && o.Predicted != label);
            return hits == 0 ? 0 : 2.0 * hits / (2.0 * hits + falseAlarms + misses);
        });
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);

    private static (List<LabelledFeedback> Training, List<LabelledFeedback> Test) Split(IReadOnlyList<LabelledFeedback> examples, double holdoutFraction, int seed)
    {
        if (holdoutFraction is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(holdoutFraction), holdoutFraction, "The held-out share must be between 0 and 1.");
        }

        var random = new Random(seed);
        var shuffled = examples.OrderBy(_ => random.Next()).ToList();
        var testCount = (int)Math.Round(shuffled.Count * holdoutFraction);
        return (shuffled.Skip(testCount).ToList(), shuffled.Take(testCount).ToList());
    }

    private static void RequireEnough(IReadOnlyList<LabelledFeedback> examples, Func<LabelledFeedback, string> label, string what)
    {
        var counts = examples.GroupBy(label).ToDictionary(g => g.Key, g => g.Count());
        if (counts.Count(c => c.Value >= MinimumPerLabel) < 2)
        {
            var have = counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}"));
            throw new RequestValidationException(
                "examples",
                $"Training needs at least two {what}s with {MinimumPerLabel} labelled examples each; got {have}.");
        }
    }
}
