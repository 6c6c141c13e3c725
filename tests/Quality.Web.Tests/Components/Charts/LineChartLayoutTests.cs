using Quality.Web.Components.Charts;

namespace Quality.Web.Tests.Components.Charts;

public sealed class LineChartLayoutTests
{
    [Fact]
    public void Points_span_the_plot_and_higher_values_sit_higher()
    {
        var layout = LineChartLayout.Compute([new("a", 10), new("b", 20), new("c", 40)], 400, 200);

        Assert.Equal(layout.PlotLeft, layout.Points[0].X);
        Assert.Equal(layout.PlotRight, layout.Points[^1].X);
        Assert.True(layout.Points[2].Y < layout.Points[1].Y && layout.Points[1].Y < layout.Points[0].Y);
        Assert.All(layout.Points, p => Assert.InRange(p.Y, layout.PlotTop, layout.PlotBottom));
    }

    [Fact]
    public void A_missing_value_breaks_the_line()
    {
        var layout = LineChartLayout.Compute([new("a", 1), new("b", 2), new("c", null), new("d", 3), new("e", 4)], 400, 200);

        Assert.Equal(2, layout.Path.Split('M', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(2, layout.Path.Split('L').Length - 1);
        Assert.True(double.IsNaN(layout.Points[2].Y));
    }

    [Fact]
    public void No_values_draw_no_line() =>
        Assert.Equal("", LineChartLayout.Compute([new("a", null), new("b", null)], 400, 200).Path);

    [Theory]
    [InlineData(0, 87, 0, 100, 20)]
    [InlineData(62, 87, 0, 100, 20)]
    [InlineData(-40, 30, -40, 40, 20)]
    [InlineData(0, 3, 0, 3, 1)]
    [InlineData(5, 5, 0, 5, 1)]
    public void The_value_axis_has_round_steps_and_takes_in_every_value(double min, double max, double low, double high, double step) =>
        Assert.Equal((low, high, step), LineChartLayout.Scale(min, max));

    [Fact]
    public void Coordinates_are_written_the_same_in_every_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("12.5", LineChartLayout.Coordinate(12.5));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
