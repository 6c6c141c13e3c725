using Quality.Scoring.Features.Kpis;
using Quality.ServiceDefaults.Errors;

namespace Quality.Scoring.Features.Goals;

/// <summary>
/// Checks a new goal and reports every bad field at once (400 naming each); nothing is stored unless all pass.
/// Direction defaults to the metric's better way, the start to now, the owner to the caller.
/// </summary>
public static class GoalValidator
{
    public const int MaxIdLength = 100;
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(366);

    public sealed record ValidGoal(KpiDefinition Metric, double Target, GoalDirection Direction, KpiScope Scope, string OwnerId, DateTimeOffset Start, DateTimeOffset Deadline);

    public static ValidGoal Validate(CreateGoalRequest request, string caller, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string error) => errors[field] = [error];

        var metric = KpiDefinitions.Named(request.Metric?.Trim().ToLowerInvariant());
        if (metric is null)
        {
            Fail("metric", string.IsNullOrWhiteSpace(request.Metric)
                ? $"is required; use one of {string.Join(", ", KpiDefinitions.All.Select(d => d.Name))}"
                : $"unknown metric '{request.Metric}'; use one of {string.Join(", ", KpiDefinitions.All.Select(d => d.Name))}");
        }

        if (request.Target is not { } target)
        {
            Fail("target", "is required");
        }
        else if (!double.IsFinite(target))
        {
            Fail("target", "must be a number");
        }
        else if (metric is not null && (target < metric.Minimum || target > (metric.Maximum ?? double.MaxValue)))
        {
            Fail("target", metric.Maximum is { } max
                ? $"must be between {metric.Minimum} and {max} for {metric.Name}, not {target}"
                : $"must be {metric.Minimum} or more for {metric.Name}, not {target}");
        }

        var direction = (request.Direction ?? "").Trim().ToLowerInvariant() switch
        {
            "" => metric is null ? GoalDirection.AtLeast : metric.HigherIsBetter ? GoalDirection.AtLeast : GoalDirection.AtMost,
            "at_least" => GoalDirection.AtLeast,
            "at_most" => GoalDirection.AtMost,
            _ => (GoalDirection?)null,
        };
        if (direction is null)
        {
            Fail("direction", $"unknown direction '{request.Direction}'; use at_least or at_most");
        }

        KpiScope? scope = null;
        if (string.IsNullOrWhiteSpace(request.Scope))
        {
            Fail("scope", "is required; use org, team or agent");
        }
        else
        {
            try
            {
                scope = KpiScope.Parse(request.Scope, request.ScopeId, "scope", "scopeId");
                if (scope.Id is { Length: > MaxIdLength })
                {
                    Fail("scopeId", $"must be at most {MaxIdLength} characters");
                }
            }
            catch (RequestValidationException e)
            {
                foreach (var (field, messages) in e.Errors)
                {
                    errors[field] = messages;
                }
            }
        }

        var owner = string.IsNullOrWhiteSpace(request.OwnerId) ? caller : request.OwnerId.Trim();
        if (owner.Length is 0 or > MaxIdLength)
        {
            Fail("ownerId", owner.Length == 0 ? "is required (the caller has no subject)" : $"must be at most {MaxIdLength} characters");
        }

        var start = request.Start ?? now;
        if (request.Deadline is not { } deadline)
        {
            Fail("deadline", "is required");
        }
        else if (deadline <= now)
        {
            Fail("deadline", $"must be in the future, not {deadline:O}");
        }
        else if (start >= deadline)
        {
            Fail("start", $"must be before the deadline ({deadline:O}), not {start:O}");
        }
        else if (deadline - start > MaxLength)
        {
            Fail("deadline", $"a goal may span at most {MaxLength.TotalDays} days from its start");
        }

        return errors.Count > 0
            ? throw new RequestValidationException(errors)
            : new ValidGoal(metric!, request.Target!.Value, direction!.Value, scope!, owner, start, request.Deadline!.Value);
    }
}
