using Quality.Contracts.Intake;
using Quality.Intake.Classification;

namespace Quality.Intake.Tests.Classification;

public sealed class FeedbackClassifierTests
{
    private readonly FeedbackClassifier _classifier = new(TestLexicon.Shipped);

    [Theory]
    [InlineData("送餐太慢了，等了两个小时，饭都凉了", "zh")]
    [InlineData("The courier was late and the soup was cold", "en")]
    [InlineData("外卖 delivery 太慢", "zh")]
    public void Language_follows_the_script(string text, string language) =>
        Assert.Equal(language, _classifier.Classify(text).Language);

    [Fact]
    public void A_late_cold_delivery_in_Chinese_is_a_delivery_complaint_with_its_evidence()
    {
        var result = _classifier.Classify("送餐太慢了，等了两个小时，饭都凉了");

        Assert.Equal(FeedbackKind.Complaint, result.Kind);
        Assert.Equal("delivery", result.Category);
        Assert.True(result.Sentiment < 0, $"sentiment {result.Sentiment}");
        Assert.Contains(result.Evidence, e => e.StartsWith("negative:", StringComparison.Ordinal));
    }

    [Fact]
    public void Negation_turns_a_positive_word_negative()
    {
        Assert.True(_classifier.Classify("很好吃").Sentiment > 0);
        Assert.True(_classifier.Classify("不好吃").Sentiment < 0);
    }

    [Theory]
    [InlineData("不是很好吃")]
    [InlineData("不怎么好吃")]
    [InlineData("not that good")]
    public void Negation_reaches_through_degree_words(string text) =>
        Assert.True(_classifier.Classify(text).Sentiment < 0, string.Join(", ", _classifier.Classify(text).Evidence));

    [Fact]
    public void A_fault_named_beside_a_merit_is_a_complaint()
    {
        var result = _classifier.Classify("挺不错的，不过有点辣");

        Assert.Equal(FeedbackKind.Complaint, result.Kind);
        Assert.Equal(0, result.Sentiment);
    }

    [Fact]
    public void Praise_in_English_is_praise()
    {
        var result = _classifier.Classify("Great food, fast delivery, friendly courier. Thank you!");

        Assert.Equal(FeedbackKind.Praise, result.Kind);
        Assert.Equal(1, result.Severity);
    }

    [Fact]
    public void A_critical_word_makes_the_highest_severity_complaint()
    {
        var result = _classifier.Classify("吃完以后拉肚子，食物中毒了");

        Assert.Equal(FeedbackKind.Complaint, result.Kind);
        Assert.Equal(4, result.Severity);
    }

    [Fact]
    public void English_words_match_only_whole_words()
    {
        var result = _classifier.Classify("I got a badge with my order");

        Assert.DoesNotContain(result.Evidence, e => e.EndsWith(":bad", StringComparison.Ordinal));
        Assert.Contains(_classifier.Classify("The food was bad").Evidence, e => e.EndsWith(":bad", StringComparison.Ordinal));
    }
}
