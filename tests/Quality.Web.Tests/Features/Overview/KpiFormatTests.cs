using System.Globalization;
using Quality.Web.Features.Overview;

namespace Quality.Web.Tests.Features.Overview;

public sealed class KpiFormatTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData(87.54, "percent", "87.5%")]
    [InlineData(100.0, "percent", "100%")]
    [InlineData(-33.33, "score", "-33.3")]
    [InlineData(12.0, "cases", "12")]
    [InlineData(45.4, "seconds", "45s")]
    [InlineData(270.0, "seconds", "4m 30s")]
    [InlineData(7500.0, "seconds", "2h 05m")]
    [InlineData(277200.0, "seconds", "3d 5h")]
    public void Values_read_as_their_unit(double value, string unit, string expected) =>
        Assert.Equal(expected, KpiFormat.Value(value, unit, English));

    [Fact]
    public void No_value_is_a_dash_not_zero() => Assert.Equal("—", KpiFormat.Value(null, "percent", English));

    [Theory]
    [InlineData(2.5, "percent", "+2.5%")]
    [InlineData(-30.0, "seconds", "−30s")]
    [InlineData(0.0, "cases", "±0")]
    public void Changes_carry_their_sign(double delta, string unit, string expected) =>
        Assert.Equal(expected, KpiFormat.Delta(delta, unit, English));
}
