namespace Quality.Scoring.Features.Surges;

/// <summary>A category's surge state with the threshold its next interval is measured against.</summary>
public sealed record SurgeReading(SurgeState State, double Threshold);
