using Microsoft.ML;
using Quality.Contracts.Intake;
using Quality.Intake.Classification;
using Quality.Intake.Classification.Model;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Tests.Classification;

public sealed class FeedbackModelTrainerTests
{
    private static readonly FeedbackClassifier Rules = new(TestLexicon.Shipped);

    /// <summary>
    /// Feedback where the rules and the labels disagree on purpose: in this shop "普通" (ordinary) and "一般" (so-so)
    /// are what unhappy customers write, which no general lexicon knows. A model that learnt the shop's data says
    /// complaint; the rules alone do not.
    /// </summary>
    private static List<LabelledFeedback> ShopData()
    {
        string[] complaints = ["味道普通", "一般般吧", "普通的外卖", "感觉一般", "份量普通", "包装一般", "口味一般", "也就普通", "服务一般", "米饭普通"];
        string[] praise = ["好吃", "很快", "满意", "推荐", "包装精美", "味道好极了", "送得快", "很好", "分量足", "会再来"];
        string[] suffixes = ["", "。", "！", "，下次再说", "，谢谢", "啊", "呢", "。。", "～", "!"];
        return complaints.SelectMany(c => suffixes.Select(s => new LabelledFeedback(c + s, FeedbackKind.Complaint, "product_quality")))
            .Concat(praise.SelectMany(p => suffixes.Select(s => new LabelledFeedback(p + s, FeedbackKind.Praise, "delivery"))))
            .ToList();
    }

    [Fact]
    public void A_model_learns_what_the_shop_labelled_and_the_classifier_uses_it()
    {
        var model = new FeedbackModelTrainer(Rules).Train(ShopData());
        var active = new ActiveFeedbackModel();
        var id = Guid.CreateVersion7();
        active.Use(new ActiveFeedbackModel.Activated(id, model));
        var classifier = new FeedbackClassifier(TestLexicon.Shipped, active);

        Assert.NotEqual(FeedbackKind.Complaint, Rules.Classify("这家味道普通").Kind);
        var result = classifier.Classify("这家味道普通");

        Assert.Equal(FeedbackKind.Complaint, result.Kind);
        Assert.True(result.Sentiment < 0, $"sentiment {result.Sentiment}");
        Assert.Equal("product_quality", result.Category);
        Assert.Contains(result.Evidence, e => e.StartsWith($"model:{id:N}:kind:complaint:", StringComparison.Ordinal));
        Assert.True(model.Metrics.KindAccuracy >= 0.9, $"held-out accuracy {model.Metrics.KindAccuracy}");
        Assert.Equal(40, model.Metrics.TestExamples);
    }

    [Fact]
    public void A_critical_word_stays_a_complaint_whatever_the_model_learnt()
    {
        var active = new ActiveFeedbackModel();
        active.Use(new ActiveFeedbackModel.Activated(Guid.CreateVersion7(), new FeedbackModelTrainer(Rules).Train(ShopData())));

        var result = new FeedbackClassifier(TestLexicon.Shipped, active).Classify("好吃，但是吃完拉肚子");

        Assert.Equal(FeedbackKind.Complaint, result.Kind);
        Assert.Equal(4, result.Severity);
    }

    [Fact]
    public void A_saved_model_loads_and_predicts_the_same()
    {
        var ml = new MLContext(1);
        var model = new FeedbackModelTrainer(Rules).Train(ShopData());

        var loaded = FeedbackModel.FromBytes(ml, model.ToBytes(ml));

        Assert.Equal(model.Metrics, loaded.Metrics);
        foreach (var text in new[] { "味道普通", "好吃", "一般般", "送得快" })
        {
            var input = ModelInput.From(text, Rules.ClassifyByRules(text));
            Assert.Equal(model.Kind.Predict(input).Label, loaded.Kind.Predict(input).Label);
            Assert.Equal(model.Category!.Predict(input).Label, loaded.Category!.Predict(input).Label);
        }
    }

    [Fact]
    public void Too_few_examples_of_a_second_kind_is_refused_with_the_counts()
    {
        var onlyComplaints = ShopData().Where(e => e.Kind == FeedbackKind.Complaint).Append(new LabelledFeedback("好吃", FeedbackKind.Praise)).ToList();

        var error = Assert.Throws<RequestValidationException>(() => new FeedbackModelTrainer(Rules).Train(onlyComplaints));

        Assert.Contains("complaint: ", error.Errors["examples"][0]);
        Assert.Contains("praise: 1", error.Errors["examples"][0]);
    }

    [Fact]
    public void No_category_head_without_two_categories_learnt()
    {
        var uncategorised = ShopData().Select(e => e with { Category = null }).ToList();

        var model = new FeedbackModelTrainer(Rules).Train(uncategorised);

        Assert.Null(model.Category);
        Assert.Null(model.Metrics.CategoryAccuracy);
    }

    [Fact]
    public void Macro_F1_weighs_every_label_alike()
    {
        // 9 of 10 complaints right, the one praise wrong: accuracy 0.9, but praise F1 is 0.
        var outcomes = Enumerable.Repeat(("complaint", "complaint"), 9).Append(("praise", "complaint")).Append(("complaint", "praise")).ToList();

        var f1 = FeedbackModelTrainer.MacroF1(outcomes);

        Assert.Equal((0.9 + 0) / 2, f1, precision: 3);
    }
}
