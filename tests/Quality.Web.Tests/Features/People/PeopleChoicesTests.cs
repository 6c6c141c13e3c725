using Quality.Web.Features.People;

namespace Quality.Web.Tests.Features.People;

public sealed class PeopleChoicesTests
{
    [Theory]
    [InlineData("resolved", "resolved")]
    [InlineData("first_response_time_avg", "first_response_time_avg")]
    [InlineData("nps", "csat_percent")]
    [InlineData("", "csat_percent")]
    [InlineData(null, "csat_percent")]
    [InlineData("RESOLVED", "csat_percent")]
    public void A_metric_the_board_does_not_rank_falls_back_to_the_first(string? chosen, string picked) =>
        Assert.Equal(picked, PeopleChoices.Pick(PeopleChoices.Metrics, chosen));

    [Theory]
    [InlineData("last_hour", "last_hour")]
    [InlineData("week", "last_24h")]
    public void Boards_are_ranked_over_live_windows_only(string chosen, string picked) =>
        Assert.Equal(picked, PeopleChoices.Pick(PeopleChoices.BoardPeriods, chosen));
}
