using Google.Protobuf.WellKnownTypes;
using Quality.Scoring.Grpc;
using Quality.Web.Features.Overview;

namespace Quality.Web.Tests.Features.Overview;

public sealed class KpiBoardTests
{
    private static KpiFeedMessage Message(string kind, params (string Name, double? Value, long Samples)[] kpis)
    {
        var message = new KpiFeedMessage
        {
            Kind = kind,
            From = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero)),
            To = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)),
        };
        message.Kpis.Add(kpis.Select(k => new KpiValue { Name = k.Name, Value = k.Value, SampleCount = k.Samples, Unit = "cases" }));
        return message;
    }

    [Fact]
    public void A_snapshot_sets_every_kpi_and_a_change_only_those_it_names()
    {
        var board = new KpiBoard();
        board.Apply(Message("snapshot", ("backlog", 3, 3), ("nps", null, 0)));

        var changed = board.Apply(Message("change", ("backlog", 4, 4)));

        Assert.Equal(["backlog"], changed);
        Assert.Equal(4, board["backlog"]!.Value);
        Assert.Null(board["nps"]!.Value);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), board.From);
    }

    [Fact]
    public void A_new_snapshot_drops_what_it_does_not_carry()
    {
        var board = new KpiBoard();
        board.Apply(Message("snapshot", ("backlog", 3, 3), ("nps", 10, 5)));
        board.Apply(Message("snapshot", ("backlog", 3, 3)));

        Assert.Null(board["nps"]);
    }

    [Fact]
    public void A_change_before_any_snapshot_is_ignored()
    {
        var board = new KpiBoard();

        Assert.Empty(board.Apply(Message("change", ("backlog", 4, 4))));
        Assert.Null(board["backlog"]);
        Assert.False(board.HasSnapshot);
    }

    [Fact]
    public void An_unchanged_value_is_not_reported_as_changed()
    {
        var board = new KpiBoard();
        board.Apply(Message("snapshot", ("backlog", 3, 3)));

        Assert.Empty(board.Apply(Message("change", ("backlog", 3, 3))));
    }
}
