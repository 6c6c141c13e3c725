namespace Quality.Scoring.Features.Kpis;

/// <summary>The half-open interval [<see cref="From"/>, <see cref="To"/>) KPIs are computed over.</summary>
public sealed record KpiPeriod(DateTimeOffset From, DateTimeOffset To, string Name = "custom")
{
    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;
}
