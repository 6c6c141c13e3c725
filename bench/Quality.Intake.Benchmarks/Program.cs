using System.Diagnostics;
using Quality.Benchmarking.Configuration;
using Quality.Benchmarking.Corpus;
using Quality.Contracts.Intake;
using Quality.Intake.Benchmarks;
using Quality.Intake.Classification;
using Quality.Intake.Classification.Model;

// Usage: dotnet run --project bench/Quality.Intake.Benchmarks -c Release [-- [path/to/labelled.csv] [--errors N]]
// Measures the rules on the whole file, then a model trained on a fixed 80 % split and tested on the other 20 %.
// --errors N prints N reviews the rules misread, with their evidence, for whoever tunes the lexicon.
var errorsIndex = Array.IndexOf(args, "--errors");
var errorsToShow = errorsIndex >= 0 && errorsIndex + 1 < args.Length && int.TryParse(args[errorsIndex + 1], out var n) ? n : 0;
var positional = args.Where((_, i) => errorsIndex < 0 || (i != errorsIndex && i != errorsIndex + 1)).ToArray();
var path = positional.Length > 0 ? positional[0] : CorpusPath.Default(RepositoryRoot.Find());
if (!File.Exists(path))
{
    Console.Error.WriteLine($"error: {path} not found; pass the path of a label,review CSV");
    return 2;
}

var reviews = ReviewCorpus.Parse(File.ReadLines(path));
var lexicon = Lexicon.Load(Path.Combine(AppContext.BaseDirectory, "Classification", "lexicon.json"));
var negatives = reviews.Count(r => !r.Positive);
Console.WriteLine($"{Path.GetFileName(path)}: {reviews.Count} reviews ({reviews.Count - negatives} positive, {negatives} negative)");

var rules = new FeedbackClassifier(lexicon);
Report("Rules alone, whole file", ClassifierRun.Measure(rules, reviews, errorsToShow));

// The split is fixed (seeded shuffle) so figures are comparable run to run and machine to machine.
var random = new Random(20261123);
var shuffled = reviews.OrderBy(_ => random.Next()).ToList();
var testCount = shuffled.Count / 5;
var test = shuffled.Take(testCount).ToList();
var training = shuffled.Skip(testCount).ToList();

var clock = Stopwatch.StartNew();
var model = new FeedbackModelTrainer(rules).Train(
    training.Select(r => r.ToLabelled()).ToList(),
    test.Select(r => r.ToLabelled()).ToList());
var trainingTime = clock.Elapsed;
var active = new ActiveFeedbackModel();
active.Use(new ActiveFeedbackModel.Activated(Guid.CreateVersion7(), model));
Report(
    $"Trained model, {training.Count} reviews to train ({trainingTime.TotalSeconds:F1} s), {test.Count} to test",
    ClassifierRun.Measure(new FeedbackClassifier(lexicon, active), test, errorsToShow: 0));
Report($"Rules alone, the same {test.Count} test reviews", ClassifierRun.Measure(rules, test, errorsToShow: 0));
return 0;

static void Report(string title, ClassifierRun run)
{
    Console.WriteLine(title);
    Console.WriteLine($"  sentiment accuracy      {run.Score.Accuracy:P1}");
    Console.WriteLine($"  macro-F1                {run.Score.MacroF1:F3}");
    Console.WriteLine($"  complaint recall (neg.) {run.ComplaintRecall:P1}");
    Console.WriteLine($"  throughput              {run.Throughput:N0} reviews/s");
}
