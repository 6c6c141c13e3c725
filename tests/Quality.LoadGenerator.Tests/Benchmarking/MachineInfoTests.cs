using Quality.Benchmarking.Reporting;

namespace Quality.LoadGenerator.Tests.Benchmarking;

public sealed class MachineInfoTests
{
    [Fact]
    public void A_load_above_the_cores_marks_the_run_preliminary()
    {
        var quiet = new MachineInfo("h", 2, "cpu", 4, "linux", ".NET", "1.50 1.20 1.00");
        var busy = quiet with { LoadAverage = "7.20 6.00 5.00" };
        Assert.Null(quiet.PreliminaryNote());
        Assert.StartsWith("Preliminary: the 1-minute load average was 7.2 on 2 cores", busy.PreliminaryNote(), StringComparison.Ordinal);
        Assert.False((quiet with { LoadAverage = "" }).Busy);
    }
}
