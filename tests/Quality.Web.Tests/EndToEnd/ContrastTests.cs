namespace Quality.Web.Tests.EndToEnd;

public sealed class ContrastTests
{
    [Theory]
    [InlineData("rgb(0, 0, 0)", "rgb(255, 255, 255)", 21.0)]
    [InlineData("rgb(255, 255, 255)", "rgb(255, 255, 255)", 1.0)]
    [InlineData("rgb(118, 118, 118)", "rgb(255, 255, 255)", 4.54)]
    [InlineData("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)", 1.0)]
    public void Ratios_match_wcag(string fore, string back, double expected) =>
        Assert.Equal(expected, Contrast.Ratio(fore, back), 2);
}
