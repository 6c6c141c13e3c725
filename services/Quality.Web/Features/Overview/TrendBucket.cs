namespace Quality.Web.Features.Overview;

/// <summary>One point of a trend: the interval [From, To) GetKpis is asked about.</summary>
public sealed record TrendBucket(DateTimeOffset From, DateTimeOffset To);
