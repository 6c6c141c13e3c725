using Quality.Notifications.Benchmark.Measurement;

namespace Quality.Notifications.Benchmark.Reporting;

/// <summary>One stage: its set-up, what was published, what the healthy receivers got, and what became of the dead and failing receivers' deliveries.</summary>
public sealed record StageResult
{
    public required string Name { get; init; }
    public required int HealthyReceivers { get; init; }
    public required bool DeadReceiver { get; init; }
    public required bool FailingReceiver { get; init; }
    public required double? TargetRate { get; init; }
    public required int Published { get; init; }
    public required int PublishedMeasured { get; init; }
    public required double PublishRate { get; init; }
    public required int PublishRefused { get; init; }
    public required double PublisherMaxLagMs { get; init; }
    public required StageFigures Figures { get; init; }
    public required int Duplicates { get; init; }
    public required int BadSignatures { get; init; }
    public required int Unreadable { get; init; }

    /// <summary>Requests that reached the dead receiver (each held until the service gave up), and the failing one.</summary>
    public required int DeadRequests { get; init; }
    public required int FailingRequests { get; init; }

    /// <summary>The service's own record per receiver (null when PostgreSQL was not given or could not be read).</summary>
    public IReadOnlyList<RuleOutcome>? Outcomes { get; init; }
    public string? OutcomesNote { get; init; }

    public required bool Drained { get; init; }
    public required string LoadAverageAfter { get; init; }
}
