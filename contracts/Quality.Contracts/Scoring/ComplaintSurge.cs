namespace Quality.Contracts.Scoring;

/// <summary>Complaints in a category rose well above that category's own baseline; once per episode.</summary>
public sealed record ComplaintSurge : IntegrationEvent
{
    public required string Category { get; init; }
    public required DateTimeOffset WindowStart { get; init; }
    public required DateTimeOffset WindowEnd { get; init; }
    public required int Count { get; init; }
    public required double Baseline { get; init; }

    /// <summary>The count the interval had to exceed (baseline mean + k standard deviations); 0 from older publishers.</summary>
    public double Threshold { get; init; }
}
