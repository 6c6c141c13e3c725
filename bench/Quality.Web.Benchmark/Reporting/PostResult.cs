namespace Quality.Web.Benchmark.Reporting;

/// <summary>One complaint posted during the hold: how many open pages showed it, and how fast.</summary>
public sealed record PostResult(int Index, string Kind, int SeenBy, int Pages, double P50Ms, double P99Ms, double MaxMs);
