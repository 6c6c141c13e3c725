namespace Quality.Scoring.Benchmark.Traffic;

/// <summary>
/// The sample counts of a scope's live KPIs that events move: feedback items (complaint rate), first responses,
/// resolutions, CSAT/NPS/CES answers, and the backlog's value. Expected from a plan, observed from <c>GetKpis</c>.
/// </summary>
public sealed record ScopeCounts(long FeedbackItems, long FirstResponses, long Resolutions, long Csat, long Nps, long Ces, long Backlog)
{
    public static readonly ScopeCounts Zero = new(0, 0, 0, 0, 0, 0, 0);

    public static ScopeCounts operator +(ScopeCounts a, ScopeCounts b) => new(
        a.FeedbackItems + b.FeedbackItems, a.FirstResponses + b.FirstResponses, a.Resolutions + b.Resolutions,
        a.Csat + b.Csat, a.Nps + b.Nps, a.Ces + b.Ces, a.Backlog + b.Backlog);

    /// <summary>Reads a KPI report's figures (name, value, sample count); a KPI it leaves out counts 0.</summary>
    public static ScopeCounts From(IEnumerable<(string Name, double? Value, long SampleCount)> kpis)
    {
        var byName = kpis.ToDictionary(k => k.Name, k => k, StringComparer.Ordinal);
        long Samples(string name) => byName.TryGetValue(name, out var k) ? k.SampleCount : 0;
        return new ScopeCounts(
            Samples("complaint_rate_percent"),
            Samples("first_response_time_p50"),
            Samples("resolution_time_p50"),
            Samples("csat_percent"),
            Samples("nps"),
            Samples("ces_average"),
            byName.TryGetValue("backlog", out var backlog) ? (long)Math.Round(backlog.Value ?? 0) : 0);
    }

    public override string ToString() =>
        $"feedback {FeedbackItems}, first responses {FirstResponses}, resolutions {Resolutions}, CSAT {Csat}, NPS {Nps}, CES {Ces}, backlog {Backlog}";
}
