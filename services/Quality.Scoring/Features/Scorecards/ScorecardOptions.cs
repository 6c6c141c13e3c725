using System.ComponentModel.DataAnnotations;

namespace Quality.Scoring.Features.Scorecards;

/// <summary>
/// The scorecards: <see cref="Agent"/> for an agent, <see cref="Team"/> for a team. Checked at start (through
/// <see cref="IValidatableObject"/>, so every failure names its full key) and refused if unsound.
/// </summary>
public sealed class ScorecardOptions : IValidatableObject
{
    public const string SectionName = "Scoring:Scorecards";

    public ScorecardCardOptions Agent { get; set; } = new();

    public ScorecardCardOptions Team { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        ScorecardValidator.Validate(nameof(Agent), Agent).Concat(ScorecardValidator.Validate(nameof(Team), Team))
            .Select(e => new ValidationResult(e.Error, [e.Key]));
}
