using Quality.Web.Features.Overview;

namespace Quality.Web.Tests.Features.Overview;

public sealed class KpiChangeTests
{
    private static readonly OverviewKpi Csat = OverviewKpi.Named("csat_percent")!;
    private static readonly OverviewKpi Backlog = OverviewKpi.Named("backlog")!;

    [Fact]
    public void Higher_csat_is_better() =>
        Assert.Equal(new KpiChange(5, KpiDirection.Better), KpiChange.Between(Csat, 85, 80));

    [Fact]
    public void A_higher_backlog_is_worse() =>
        Assert.Equal(new KpiChange(3, KpiDirection.Worse), KpiChange.Between(Backlog, 10, 7));

    [Fact]
    public void The_same_value_is_unchanged() =>
        Assert.Equal(KpiDirection.Unchanged, KpiChange.Between(Backlog, 4, 4)!.Direction);

    [Theory]
    [InlineData(null, 80.0)]
    [InlineData(80.0, null)]
    public void Without_both_values_there_is_no_comparison(double? current, double? previous) =>
        Assert.Null(KpiChange.Between(Csat, current, previous));

    [Fact]
    public void Every_tile_is_a_known_kpi_once() =>
        Assert.Equal(OverviewKpi.All.Count, OverviewKpi.All.Select(k => k.Name).Distinct().Count());
}
