using System.Diagnostics;
using Quality.Contracts.Intake;
using Quality.Intake.Benchmarks;
using Quality.Intake.Classification;

// Usage: dotnet run --project bench/Quality.Intake.Benchmarks -c Release [-- [path/to/labelled.csv] [--errors N]]
// --errors N prints N misclassified reviews with the classifier's evidence, for whoever tunes the lexicon.
var errorsIndex = Array.IndexOf(args, "--errors");
var errorsToShow = errorsIndex >= 0 && errorsIndex + 1 < args.Length && int.TryParse(args[errorsIndex + 1], out var n) ? n : 0;
var positional = args.Where((_, i) => errorsIndex < 0 || (i != errorsIndex && i != errorsIndex + 1)).ToArray();
var path = positional.Length > 0 ? positional[0] : LabelledReviews.DefaultPath();
if (!File.Exists(path))
{
    Console.Error.WriteLine($"error: {path} not found; pass the path of a label,review CSV");
    return 2;
}

var reviews = LabelledReviews.Read(path);
var lexiconPath = Path.Combine(AppContext.BaseDirectory, "Classification", "lexicon.json");
var classifier = new FeedbackClassifier(Lexicon.Load(lexiconPath));

var clock = Stopwatch.StartNew();
var score = new BinaryScore();
var complaintsAmongNegative = 0;
foreach (var review in reviews)
{
    var result = classifier.Classify(review.Text);
    // Negative means the classifier would raise a complaint or reads the text as negative.
    var predictedPositive = result.Kind != FeedbackKind.Complaint && result.Sentiment >= 0;
    score.Add(review.Positive, predictedPositive);
    if (predictedPositive != review.Positive && errorsToShow-- > 0)
    {
        Console.WriteLine($"{(review.Positive ? "+" : "-")} {review.Text}  [{result.Kind} {result.Sentiment:F2}: {string.Join(", ", result.Evidence)}]");
    }

    if (!review.Positive && result.Kind == FeedbackKind.Complaint)
    {
        complaintsAmongNegative++;
    }
}

var elapsed = clock.Elapsed;
var negatives = reviews.Count(r => !r.Positive);
Console.WriteLine($"Rules classifier on {Path.GetFileName(path)}: {reviews.Count} reviews ({reviews.Count - negatives} positive, {negatives} negative)");
Console.WriteLine($"  sentiment accuracy      {score.Accuracy:P1}");
Console.WriteLine($"  macro-F1                {score.MacroF1:F3}");
Console.WriteLine($"  complaint recall (neg.) {(double)complaintsAmongNegative / negatives:P1}");
Console.WriteLine($"  throughput              {reviews.Count / elapsed.TotalSeconds:N0} reviews/s ({elapsed.TotalMilliseconds:N0} ms)");
return 0;
