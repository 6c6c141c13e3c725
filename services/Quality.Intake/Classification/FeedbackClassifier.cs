using Quality.Contracts.Intake;
using Quality.Intake.Classification.Model;

namespace Quality.Intake.Classification;

/// <summary>
/// Rule-and-lexicon classification that needs no training data: language by script, sentiment from
/// lexicon hits (negation flips, intensifiers weigh double), kind and category by keyword, severity from
/// how negative the text is and whether it names something critical. When an operator has activated a trained
/// model, the model decides kind, sentiment and (if it learnt them) category, and the rules' matches stay as evidence.
/// </summary>
public sealed class FeedbackClassifier
{
    private readonly Lexicon _lexicon;
    private readonly ActiveFeedbackModel? _model;

    /// <summary>Per language, what may stand between a negation and its word: intensifiers and degree words.</summary>
    private readonly Dictionary<string, string[]> _degreeWords;

    /// <summary>Per language, every sentiment word longest first: sorted once, not on every item.</summary>
    private readonly Dictionary<string, (string Word, bool Positive)[]> _sentimentWords;

    public FeedbackClassifier(Lexicon lexicon, ActiveFeedbackModel? model = null)
    {
        _lexicon = lexicon;
        _model = model;
        Categories = new HashSet<string>(lexicon.Categories.Keys.Append(lexicon.DefaultCategory), StringComparer.Ordinal);
        _sentimentWords = lexicon.Positive.Keys.Union(lexicon.Negative.Keys).ToDictionary(
            language => language,
            language => Lexicon.Words(lexicon.Positive, language).Select(w => (Word: w, Positive: true))
                .Concat(Lexicon.Words(lexicon.Negative, language).Select(w => (Word: w, Positive: false)))
                .OrderByDescending(c => c.Word.Length)
                .ToArray());
        _degreeWords = lexicon.Intensifiers.Keys.Union(lexicon.Degrees.Keys).ToDictionary(
            language => language,
            language => Lexicon.Words(lexicon.Intensifiers, language).Concat(Lexicon.Words(lexicon.Degrees, language)).ToArray());
    }

    /// <summary>Where an item goes when no category word matches.</summary>
    public string DefaultCategory => _lexicon.DefaultCategory;

    /// <summary>The categories a person may assign: the lexicon's and the default.</summary>
    public IReadOnlySet<string> Categories { get; }

    public Classification Classify(string text)
    {
        var rules = ClassifyByRules(text);
        return _model?.Current is { } active ? ClassifyByModel(text, rules, active) : rules;
    }

    private Classification ClassifyByModel(string text, Classification rules, ActiveFeedbackModel.Activated active)
    {
        var input = ModelInput.From(text, rules);
        var kind = active.Model.Kind.Predict(input);
        var evidence = new List<string> { $"model:{active.Id:N}:kind:{kind.Label}:{kind.Probability:F2}" };

        // The model's complaint probability is its sentiment: 1 sure praise, −1 sure complaint. A kind the model
        // never learnt keeps the rules' reading.
        var complaintLabel = FeedbackModelTrainer.KindLabel(FeedbackKind.Complaint);
        var sentiment = kind.Labels.Contains(complaintLabel) ? Math.Round(1 - 2 * kind.ProbabilityOf(complaintLabel), 3) : rules.Sentiment;

        // A critical word (food poisoning, a threat to sue) is a complaint whatever the model learnt.
        var critical = rules.Evidence.Any(e => e.StartsWith("critical:", StringComparison.Ordinal));
        var decided = critical ? FeedbackKind.Complaint : Enum.Parse<FeedbackKind>(kind.Label, ignoreCase: true);

        var category = rules.Category;
        if (active.Model.Category?.Predict(input) is { } predicted)
        {
            category = predicted.Label;
            evidence.Add($"model:{active.Id:N}:category:{predicted.Label}:{predicted.Probability:F2}");
        }

        var negativeHits = rules.Evidence.Count(e => e.StartsWith("negative:", StringComparison.Ordinal));
        evidence.AddRange(rules.Evidence);
        return rules with
        {
            Kind = decided,
            Category = category,
            Severity = Severity(decided, sentiment, negativeHits, critical),
            Sentiment = sentiment,
            Confidence = Math.Round(kind.Probability, 2),
            Evidence = evidence,
        };
    }

    /// <summary>The rules' reading alone, whether or not a model is active: the model's features and its evidence.</summary>
    public Classification ClassifyByRules(string text)
    {
        var language = DetectLanguage(text);
        var lower = text.ToLowerInvariant();
        var evidence = new List<string>();

        var (positive, negative) = Score(lower, language, evidence);
        var total = positive + negative;
        var sentiment = total == 0 ? 0 : Math.Round((positive - negative) / total, 3);

        var critical = Matches(lower, Lexicon.Words(_lexicon.Critical, language)).ToList();
        evidence.AddRange(critical.Select(w => $"critical:{w}"));

        // Customers who name a fault and a merit in one breath are complaining: a tie goes to the complaint.
        var kind = DecideKind(lower, language, sentiment, critical.Count > 0 || (negative > 0 && negative >= positive), evidence);
        var category = DecideCategory(lower, language, evidence);
        var severity = Severity(kind, sentiment, negative, critical.Count > 0);
        var confidence = total == 0 ? 0.3 : Math.Round(Math.Min(0.95, 0.5 + Math.Abs(sentiment) * 0.2 + Math.Min(total, 5) * 0.05), 2);

        return new Classification(kind, category, severity, sentiment, language, confidence, evidence);
    }

    private static int Severity(FeedbackKind kind, double sentiment, double negativeWeight, bool critical) =>
        kind != FeedbackKind.Complaint ? 1
        : critical ? 4
        : sentiment <= -0.8 && negativeWeight >= 3 ? 3
        : sentiment <= -0.5 ? 2
        : 1;

    private FeedbackKind DecideKind(string text, string language, double sentiment, bool complaining, List<string> evidence)
    {
        if (complaining)
        {
            return FeedbackKind.Complaint;
        }

        foreach (var (kind, words) in _lexicon.Kinds)
        {
            if (Matches(text, Lexicon.Words(words, language)).FirstOrDefault() is { } word)
            {
                evidence.Add($"{kind}:{word}");
                return Enum.Parse<FeedbackKind>(kind, ignoreCase: true);
            }
        }

        return sentiment > 0.2 ? FeedbackKind.Praise : FeedbackKind.Inquiry;
    }

    private string DecideCategory(string text, string language, List<string> evidence)
    {
        var best = _lexicon.Categories
            .Select(c => (Category: c.Key, Hits: Matches(text, Lexicon.Words(c.Value, language)).ToList()))
            .Where(c => c.Hits.Count > 0)
            .OrderByDescending(c => c.Hits.Count)
            .FirstOrDefault();
        if (best.Category is null)
        {
            return _lexicon.DefaultCategory;
        }

        evidence.AddRange(best.Hits.Select(w => $"category:{best.Category}:{w}"));
        return best.Category;
    }

    /// <summary>
    /// Weighs the sentiment words found, longest first so "太差" is one hit, not also "差". A negation just
    /// before a word sends it to the other side ("不好吃" is negative, "不贵" positive); an intensifier
    /// just before it doubles its weight.
    /// </summary>
    private (double Positive, double Negative) Score(string text, string language, List<string> evidence)
    {
        var negations = Lexicon.Words(_lexicon.Negations, language);
        var intensifiers = Lexicon.Words(_lexicon.Intensifiers, language);
        var degreeWords = _degreeWords.GetValueOrDefault(language, []);
        var candidates = _sentimentWords.GetValueOrDefault(language, []);

        var taken = new bool[text.Length];
        double positive = 0, negative = 0;
        foreach (var (word, isPositive) in candidates)
        {
            for (var index = IndexOf(text, word, language, 0); index >= 0; index = IndexOf(text, word, language, index + word.Length))
            {
                if (Array.IndexOf(taken, true, index, word.Length) >= 0)
                {
                    continue;
                }

                Array.Fill(taken, true, index, word.Length);
                var before = text[Math.Max(0, index - 16)..index].TrimEnd();
                var intensified = intensifiers.Any(i => before.EndsWith(i, StringComparison.Ordinal));
                var negated = negations.Any(n => WithoutDegreeWords(before, degreeWords).EndsWith(n, StringComparison.Ordinal));
                var weight = intensified ? 2 : 1;
                var countsPositive = isPositive != negated;
                if (countsPositive)
                {
                    positive += weight;
                }
                else
                {
                    negative += weight;
                }

                evidence.Add($"{(countsPositive ? "positive" : "negative")}:{(negated ? "not " : "")}{word}");
            }
        }

        return (positive, negative);
    }

    /// <summary>"不是特别好吃" negates "好吃" through the degree words between them.</summary>
    private static string WithoutDegreeWords(string before, IReadOnlyList<string> degreeWords)
    {
        var stripped = true;
        while (stripped && before.Length > 0)
        {
            stripped = false;
            foreach (var word in degreeWords)
            {
                if (before.Length > word.Length && before.EndsWith(word, StringComparison.Ordinal))
                {
                    before = before[..^word.Length].TrimEnd();
                    stripped = true;
                }
            }
        }

        return before;
    }

    private static IEnumerable<string> Matches(string text, IReadOnlyList<string> words) =>
        words.Where(w => text.Contains(w, StringComparison.Ordinal));

    /// <summary>Chinese matches anywhere; English only at word boundaries, so "bad" does not match "badge".</summary>
    private static int IndexOf(string text, string word, string language, int start)
    {
        while (true)
        {
            var index = text.IndexOf(word, start, StringComparison.Ordinal);
            if (index < 0 || language == "zh")
            {
                return index;
            }

            var startsWord = index == 0 || !char.IsLetter(text[index - 1]);
            var end = index + word.Length;
            var endsWord = end >= text.Length || !char.IsLetter(text[end]);
            if (startsWord && endsWord)
            {
                return index;
            }

            start = index + 1;
        }
    }

    /// <summary>Chinese when Han characters are at least a fifth of the letters, otherwise English.</summary>
    public static string DetectLanguage(string text)
    {
        var han = text.Count(c => c is >= '\u4e00' and <= '\u9fff');
        var letters = text.Count(char.IsLetter);
        return letters > 0 && han * 5 >= letters ? "zh" : "en";
    }
}
