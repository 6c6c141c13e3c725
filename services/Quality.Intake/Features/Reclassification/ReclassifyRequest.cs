using System.ComponentModel.DataAnnotations;

namespace Quality.Intake.Features.Reclassification;

/// <summary>What to change (any of kind, category, severity; the rest stays) and why.</summary>
public sealed record ReclassifyRequest
{
    /// <summary>complaint, praise, suggestion or inquiry.</summary>
    public string? Kind { get; init; }

    public string? Category { get; init; }

    [Range(1, 4)]
    public int? Severity { get; init; }

    [Required, StringLength(500, MinimumLength = 1)]
    public string? Reason { get; init; }
}
