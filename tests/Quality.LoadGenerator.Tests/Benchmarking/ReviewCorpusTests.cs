
namespace Quality.LoadGenerator.Tests.Benchmarking;

public sealed class ReviewCorpusTests
{
    [Fact]
    public void Reads_labels_plain_and_quoted_reviews_and_skips_bad_rows()
    {
        var reviews = ReviewCorpus.Parse(
        [
            "label,review",
            "1,很快，好吃，味道足，量大",
            "0,\"送餐太慢了,饭菜都凉了,他说\"\"马上到\"\"\"",
            "2,not a label",
            "1,",
            "",
        ]);

        Assert.Equal([new Review(true, "很快，好吃，味道足，量大"), new Review(false, "送餐太慢了,饭菜都凉了,他说\"马上到\"")], reviews);
    }

    [Fact]
    public void An_empty_corpus_is_refused() => Assert.Throws<ArgumentException>(() => new ReviewCorpus([]));
}
