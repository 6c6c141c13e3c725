using Quality.Routing.Features.Access;

namespace Quality.Routing.Features.Agents;

/// <summary>What an upsert asks an agent to be. Skills are compared case-insensitively, so they are kept lower-case.</summary>
public sealed record AgentDraft(
    string AgentId,
    string TeamId,
    string DisplayName,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Channels,
    int? Capacity)
{
    public const int MaxSkillLength = 60;

    public void Validate()
    {
        var errors = new FieldErrors();
        errors.RequireId("agent_id", AgentId);
        errors.RequireId("team_id", TeamId);
        errors.Check("display_name", DisplayName.Length <= 200, "must be at most 200 characters");
        errors.Check("capacity", Capacity is not null, "is required (0 or more)");
        errors.Check("capacity", Capacity is null or >= 0, $"must be 0 or more, not {Capacity}");
        errors.Check("capacity", Capacity is null or <= 1000, "must be at most 1000");
        CheckSkills(errors, "categories", Categories);
        CheckSkills(errors, "languages", Languages);
        CheckSkills(errors, "channels", Channels);
        errors.ThrowIfAny();
    }

    public static List<string> Normalize(IEnumerable<string> skills) =>
        [.. skills.Select(s => s.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)];

    private static void CheckSkills(FieldErrors errors, string field, IReadOnlyList<string> skills)
    {
        errors.Check(field, skills.All(s => s.Trim().Length > 0), "must not contain empty entries");
        errors.Check(field, skills.All(s => s.Length <= MaxSkillLength), $"entries must be at most {MaxSkillLength} characters");
        errors.Check(field, skills.Count <= 100, "must have at most 100 entries");
    }
}
