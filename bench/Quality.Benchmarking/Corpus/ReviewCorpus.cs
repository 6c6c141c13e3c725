namespace Quality.Benchmarking.Corpus;

/// <summary>
/// The reviews traffic is drawn from: the <c>label,review</c> CSV of the waimai_10k corpus (label 1 positive,
/// 0 negative; a review may be double-quoted, with <c>""</c> for a quote inside).
/// </summary>
public sealed class ReviewCorpus
{
    private readonly Review[] _reviews;

    public ReviewCorpus(IReadOnlyList<Review> reviews) =>
        _reviews = reviews.Count > 0 ? [.. reviews] : throw new ArgumentException("the corpus has no reviews", nameof(reviews));

    public int Count => _reviews.Length;

    public Review this[int index] => _reviews[index];

    public Review Pick(Random random) => _reviews[random.Next(_reviews.Length)];

    public static ReviewCorpus Load(string path)
    {
        var reviews = Parse(File.ReadLines(path));
        return reviews.Count > 0 ? new ReviewCorpus(reviews) : throw new InvalidDataException($"{path} holds no label,review rows");
    }

    /// <summary>Reads rows after the header; rows that are not <c>0|1,text</c> with some text are skipped.</summary>
    public static List<Review> Parse(IEnumerable<string> lines)
    {
        var reviews = new List<Review>();
        foreach (var line in lines.Skip(1))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma < 1)
            {
                continue;
            }

            var label = line[..comma].Trim();
            if (label is not ("0" or "1"))
            {
                continue;
            }

            var text = line[(comma + 1)..].Trim();
            if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
            {
                text = text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal).Trim();
            }

            if (text.Length > 0)
            {
                reviews.Add(new Review(label == "1", text));
            }
        }

        return reviews;
    }
}
