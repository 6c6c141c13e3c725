using Microsoft.Extensions.Options;
using Quality.Routing.Features.Access;

namespace Quality.Routing.Features.Escalation;

/// <summary>
/// Checks the ladder at start, naming each bad value by its full key (<c>Routing:Escalation:Levels:1:Role</c>):
/// known roles, never a less senior role above a more senior one, and delays that make each rung mean something.
/// </summary>
public sealed class EscalationOptionsValidator : IValidateOptions<EscalationOptions>
{
    public const int MaxLevels = 10;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(30);

    public ValidateOptionsResult Validate(string? name, EscalationOptions options)
    {
        var failures = new List<string>();
        var levels = options.Levels;
        if (levels.Count > MaxLevels)
        {
            failures.Add($"Configuration value '{EscalationOptions.SectionName}:Levels' is invalid: at most {MaxLevels} levels, not {levels.Count}.");
        }

        for (var i = 0; i < levels.Count; i++)
        {
            var key = $"{EscalationOptions.SectionName}:Levels:{i}";
            var rank = RoleRanks.Of(levels[i].Role);
            if (rank < 0)
            {
                failures.Add($"Configuration value '{key}:Role' is invalid: '{levels[i].Role}' is not one of {RoleRanks.AllNames}.");
            }
            else if (i > 0 && RoleRanks.Of(levels[i - 1].Role) is var below and >= 0 && rank < below)
            {
                failures.Add($"Configuration value '{key}:Role' is invalid: {levels[i].Role} is less senior than {levels[i - 1].Role} on the level below.");
            }

            if (levels[i].Delay < TimeSpan.Zero || levels[i].Delay > MaxDelay)
            {
                failures.Add($"Configuration value '{key}:Delay' is invalid: must be between 00:00:00 and {MaxDelay.TotalDays} days, not {levels[i].Delay}.");
            }
            else if (i > 0 && levels[i].Delay == TimeSpan.Zero)
            {
                failures.Add($"Configuration value '{key}:Delay' is invalid: only the first level may be reached at once; give the level below time to acknowledge.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
