using Quality.Contracts.Routing;
using Quality.Routing.Features.Access;
using Quality.Routing.Features.Calendars;

namespace Quality.Routing.Features.Sla;

/// <summary>What an upsert asks a policy to be. Condition values are compared case-insensitively, so they are kept lower-case.</summary>
public sealed record SlaPolicyDraft(
    string PolicyId,
    string Name,
    int? Rank,
    bool? Enabled,
    IReadOnlyList<int> Priorities,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> CustomerTiers,
    IReadOnlyList<string> Languages,
    IReadOnlyList<SlaTargetSet> Targets,
    double? WarningFraction,
    string CalendarId)
{
    public static readonly TimeSpan MaxGoal = TimeSpan.FromDays(365);

    public string Calendar => CalendarId.Trim().Length > 0 ? CalendarId.Trim() : BusinessCalendar.DefaultId;

    public void Validate()
    {
        var errors = new FieldErrors();
        errors.RequireId("policy_id", PolicyId);
        errors.Check("name", Name.Length <= 200, "must be at most 200 characters");
        errors.Check("rank", Rank is not null, "is required: policies are tried from the lowest rank up");
        errors.Check("warning_fraction", WarningFraction is null or (> 0 and < 1),
            $"must be more than 0 and less than 1 (a share of the goal), not {WarningFraction}");
        errors.Check("condition.priorities", Priorities.All(p => p is >= 1 and <= 4), "entries must be between 1 (most urgent) and 4");
        CheckValues(errors, "condition.categories", Categories);
        CheckValues(errors, "condition.channels", Channels);
        CheckValues(errors, "condition.customer_tiers", CustomerTiers);
        CheckValues(errors, "condition.languages", Languages);

        errors.Check("targets", Targets.Count > 0, "a policy needs at least one target (first_response, next_response or resolution for a priority)");
        var seen = new HashSet<int>();
        for (var i = 0; i < Targets.Count; i++)
        {
            var set = Targets[i];
            var field = $"targets[{i}]";
            errors.Check($"{field}.priority", set.Priority is >= 1 and <= 4, $"must be between 1 (most urgent) and 4, not {set.Priority}");
            errors.Check($"{field}.priority", seen.Add(set.Priority), $"priority {set.Priority} has targets twice");
            errors.Check(field, SlaTargetNames.All.Any(t => set.For(t) is not null), "needs at least one of first_response, next_response, resolution");
            foreach (var target in SlaTargetNames.All)
            {
                if (set.For(target) is { } goal)
                {
                    errors.Check($"{field}.{target.Name()}", goal >= TimeSpan.FromSeconds(1) && goal <= MaxGoal,
                        $"must be between 1s and {MaxGoal.TotalDays} days of business time, not {goal}");
                }
            }
        }

        errors.ThrowIfAny();
    }

    public static List<string> Normalize(IEnumerable<string> values) =>
        [.. values.Select(s => s.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)];

    private static void CheckValues(FieldErrors errors, string field, IReadOnlyList<string> values)
    {
        errors.Check(field, values.All(s => s.Trim().Length > 0), "must not contain empty entries");
        errors.Check(field, values.All(s => s.Length <= 60), "entries must be at most 60 characters");
        errors.Check(field, values.Count <= 100, "must have at most 100 entries");
    }
}
