using Quality.Scoring.Features.QaReviews;
using Quality.ServiceDefaults.Errors;

namespace Quality.Scoring.Tests.Features.QaReviews;

/// <summary>Review arithmetic and rubric rules, against values worked by hand.</summary>
public sealed class ReviewScorerTests
{
    /// <summary>greeting 0.2 of 5, accuracy 0.5 of 10, compliance 0.3 of 1 and critical (pass 1).</summary>
    public static readonly CreateRubricRequest Standard = new("Standard", [
        new("greeting", "Greeting", 0.2, 5, null, null),
        new("accuracy", "Accuracy", 0.5, 10, null, null),
        new("compliance", "Compliance", 0.3, 1, true, null),
    ]);

    private static readonly Rubric Rubric = RubricValidator.Validate(Standard, "qm", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Score_is_the_weighted_share_of_each_criterion()
    {
        // 100 × (0.2 × 4/5 + 0.5 × 8/10 + 0.3 × 1/1) = 16 + 40 + 30.
        var score = ReviewScorer.Score(Rubric, [new("greeting", 4, null), new("accuracy", 8, null), new("compliance", 1, null)]);
        Assert.Equal((86, 86, false), (Math.Round(score.Score, 9), Math.Round(score.WeightedScore, 9), score.Failed));
    }

    [Fact]
    public void A_failed_critical_criterion_fails_the_review_with_score_zero_and_keeps_the_weighted_score()
    {
        // 100 × (0.2 + 0.5 + 0) = 70 as weighted, but compliance 0 < pass 1.
        var score = ReviewScorer.Score(Rubric, [new("compliance", 0, null), new("greeting", 5, null), new("accuracy", 10, null)]);
        Assert.Equal((0, 70, true), (score.Score, Math.Round(score.WeightedScore, 9), score.Failed));
        Assert.Equal(["compliance"], score.FailedCriteria);
    }

    [Fact]
    public void A_critical_criterion_passes_at_its_pass_score()
    {
        var rubric = RubricValidator.Validate(new("Soft", [new("a", null, 0.5, 4, true, 2), new("b", null, 0.5, 4, null, null)]), "qm", DateTimeOffset.UnixEpoch);
        Assert.False(ReviewScorer.Score(rubric, [new("a", 2, null), new("b", 0, null)]).Failed);
        Assert.True(ReviewScorer.Score(rubric, [new("a", 1, null), new("b", 4, null)]).Failed);
    }

    public static TheoryData<ScoreRequest[], string> BadScores => new()
    {
        { [new("greeting", 4, null), new("accuracy", 8, null)], "scores" },
        { [new("greeting", 4, null), new("accuracy", 11, null), new("compliance", 1, null)], "scores[1].score" },
        { [new("greeting", -1, null), new("accuracy", 8, null), new("compliance", 1, null)], "scores[0].score" },
        { [new("greeting", 4, null), new("accuracy", 8, null), new("compliance", 1, null), new("tone", 1, null)], "scores[3].key" },
        { [new("greeting", 4, null), new("greeting", 4, null), new("accuracy", 8, null), new("compliance", 1, null)], "scores[1].key" },
    };

    [Theory]
    [MemberData(nameof(BadScores))]
    public void Bad_scores_name_the_field(ScoreRequest[] scores, string field) =>
        Assert.Contains(field, Assert.Throws<RequestValidationException>(() => ReviewScorer.Score(Rubric, scores)).Errors.Keys);

    public static TheoryData<CreateRubricRequest, string> BadRubrics => new()
    {
        { new("Sum", [new("a", null, 0.5, 5, null, null), new("b", null, 0.4, 5, null, null)]), "criteria" },
        { new("", [new("a", null, 1, 5, null, null)]), "name" },
        { new("None", []), "criteria" },
        { new("Zero", [new("a", null, 0, 5, null, null), new("b", null, 1, 5, null, null)]), "criteria[0].weight" },
        { new("Max", [new("a", null, 1, 0, null, null)]), "criteria[0].maxScore" },
        { new("Twice", [new("a", null, 0.5, 5, null, null), new("a", null, 0.5, 5, null, null)]), "criteria[1].key" },
        { new("Pass", [new("a", null, 1, 5, true, 6)]), "criteria[0].passScore" },
        { new("NotCritical", [new("a", null, 1, 5, false, 3)]), "criteria[0].passScore" },
    };

    [Theory]
    [MemberData(nameof(BadRubrics))]
    public void Bad_rubrics_name_the_field(CreateRubricRequest request, string field) =>
        Assert.Contains(field, Assert.Throws<RequestValidationException>(() => RubricValidator.Validate(request, "qm", DateTimeOffset.UnixEpoch)).Errors.Keys);

    [Fact]
    public void Weights_typed_as_decimals_sum_to_one() =>
        Assert.Equal(3, RubricValidator.Validate(new("Thirds", [new("a", null, 0.1, 5, null, null), new("b", null, 0.2, 5, null, null), new("c", null, 0.7, 5, null, null)]),
            "qm", DateTimeOffset.UnixEpoch).Criteria.Count);

    [Fact]
    public void Calibration_spread_is_min_max_mean_and_population_standard_deviation()
    {
        var spread = Spread.Of("greeting", [4, 5, 3]);
        Assert.Equal((3, 3.0, 5.0, 4.0), (spread.Count, spread.Min, spread.Max, spread.Mean));
        Assert.Equal(Math.Sqrt(2 / 3.0), spread.StandardDeviation, 12);
    }
}
