using Quality.Contracts.Intake;
using Quality.Intake.Classification.Model;

namespace Quality.Intake.Benchmarks;

public sealed record LabelledReview(bool Positive, string Text)
{
    /// <summary>The corpus only knows positive or negative: a negative review is a complaint, a positive one praise.</summary>
    public LabelledFeedback ToLabelled() => new(Text, Positive ? FeedbackKind.Praise : FeedbackKind.Complaint);
}

/// <summary>Reads the label,review CSV format of the waimai_10k corpus (quoted fields allowed).</summary>
public static class LabelledReviews
{
    /// <summary>The corpus sits in the project's shared folder beside the repository; it is never copied in.</summary>
    public static string DefaultPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Quality.slnx")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.Parent?.FullName ?? ".", "shared", "data", "waimai_10k.csv");
    }

    public static List<LabelledReview> Read(string path) =>
        File.ReadLines(path)
            .Skip(1)
            .Where(line => line.Length > 2)
            .Select(line =>
            {
                var comma = line.IndexOf(',', StringComparison.Ordinal);
                var text = line[(comma + 1)..].Trim();
                if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
                {
                    text = text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
                }

                return new LabelledReview(line[..comma] == "1", text);
            })
            .ToList();
}
