using System.Diagnostics;
using Quality.Benchmarking.Corpus;
using Quality.Contracts.Intake;
using Quality.Intake.Classification;

namespace Quality.Intake.Benchmarks;

/// <summary>One pass of a classifier over labelled reviews: how often it agrees, and how fast.</summary>
public sealed record ClassifierRun(BinaryScore Score, double ComplaintRecall, double Throughput)
{
    public static ClassifierRun Measure(FeedbackClassifier classifier, IReadOnlyList<Review> reviews, int errorsToShow)
    {
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

        var negatives = reviews.Count(r => !r.Positive);
        return new ClassifierRun(score, negatives == 0 ? 0 : (double)complaintsAmongNegative / negatives, reviews.Count / clock.Elapsed.TotalSeconds);
    }
}
