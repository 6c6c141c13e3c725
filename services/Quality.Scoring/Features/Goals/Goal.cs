using Quality.Scoring.Features.Kpis;

namespace Quality.Scoring.Features.Goals;

/// <summary>
/// A SMART goal: a KPI (<see cref="Metric"/>) of a scope should reach <see cref="Target"/> over [start, deadline).
/// The row also holds what has been announced about it (<see cref="AtRiskAt"/>, <see cref="Outcome"/>), set in the
/// same transaction as the event's outbox row, so each event is published at most once.
/// </summary>
public sealed class Goal
{
    public Guid Id { get; init; }
    public required string Metric { get; init; }
    public double Target { get; init; }
    public GoalDirection Direction { get; init; }
    public ScopeKind ScopeKind { get; init; }
    public string? ScopeId { get; init; }

    /// <summary>The team the goal belongs to for access checks: the team itself, or the agent's team when it was set.</summary>
    public string? TeamId { get; init; }

    public required string OwnerId { get; init; }
    public DateTimeOffset StartAt { get; init; }
    public DateTimeOffset Deadline { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>When <c>GoalAtRisk</c> was published; never again for this goal.</summary>
    public DateTimeOffset? AtRiskAt { get; set; }

    /// <summary>Achieved or missed, decided (and published) once the deadline has passed.</summary>
    public GoalOutcome? Outcome { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The value over [start, deadline) the outcome was decided on (null: nothing was measured).</summary>
    public double? FinalValue { get; set; }

    /// <summary>Last time an evaluator looked at the goal; spaces evaluations across replicas.</summary>
    public DateTimeOffset? EvaluatedAt { get; set; }

    public KpiScope Scope => new(ScopeKind, ScopeId);

    public KpiDefinition Definition => KpiDefinitions.Named(Metric) ?? throw new InvalidOperationException($"Goal {Id} has unknown metric '{Metric}'.");

    /// <summary>Whether <paramref name="value"/> meets the target in the goal's direction.</summary>
    public bool IsMetBy(double value) => Direction == GoalDirection.AtLeast ? value >= Target - 1e-9 : value <= Target + 1e-9;
}
