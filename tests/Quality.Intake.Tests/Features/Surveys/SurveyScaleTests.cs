using Quality.Contracts.Intake;
using Quality.Intake.Features.Surveys;

namespace Quality.Intake.Tests.Features.Surveys;

public sealed class SurveyScaleTests
{
    [Theory]
    [InlineData(SurveyType.Nps, 6, true)]
    [InlineData(SurveyType.Nps, 7, false)]
    [InlineData(SurveyType.Csat, 2, true)]
    [InlineData(SurveyType.Csat, 3, false)]
    [InlineData(SurveyType.Ces, 1, false)]
    public void Detractors_and_dissatisfied_answers_are_complaints(SurveyType type, int score, bool complaint) =>
        Assert.Equal(complaint, SurveyScale.IsComplaint(type, score));

    [Theory]
    [InlineData(SurveyType.Csat, 1, -1)]
    [InlineData(SurveyType.Csat, 3, 0)]
    [InlineData(SurveyType.Csat, 5, 1)]
    [InlineData(SurveyType.Nps, 0, -1)]
    [InlineData(SurveyType.Nps, 10, 1)]
    [InlineData(SurveyType.Ces, 4, 0)]
    [InlineData(SurveyType.Ces, 7, 1)]
    public void Scores_map_onto_minus_one_to_one(SurveyType type, int score, double sentiment) =>
        Assert.Equal(sentiment, SurveyScale.Sentiment(type, score));

    [Fact]
    public void Every_nps_detractor_is_negative_and_every_promoter_positive()
    {
        Assert.All(Enumerable.Range(0, 7), s => Assert.True(SurveyScale.Sentiment(SurveyType.Nps, s) < 0));
        Assert.All(Enumerable.Range(9, 2), s => Assert.True(SurveyScale.Sentiment(SurveyType.Nps, s) > 0));
    }
}
