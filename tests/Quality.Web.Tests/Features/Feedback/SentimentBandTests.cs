using Quality.Web.Features.Feedback;

namespace Quality.Web.Tests.Features.Feedback;

public sealed class SentimentBandTests
{
    [Theory]
    [InlineData(-1.0, "negative")]
    [InlineData(-0.2, "negative")]
    [InlineData(-0.19, "neutral")]
    [InlineData(0.0, "neutral")]
    [InlineData(0.19, "neutral")]
    [InlineData(0.2, "positive")]
    [InlineData(1.0, "positive")]
    public void Bands_are_intakes_with_their_bounds_included(double sentiment, string band) =>
        Assert.Equal(band, SentimentBand.Of(sentiment));
}
