namespace Quality.Web.Features.Overview;

/// <summary>A KPI over one trend interval; no value when nothing was measured in it.</summary>
public sealed record TrendPoint(TrendBucket Bucket, double? Value, long SampleCount);
