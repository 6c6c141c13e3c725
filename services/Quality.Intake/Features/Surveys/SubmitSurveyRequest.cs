using System.ComponentModel.DataAnnotations;

namespace Quality.Intake.Features.Surveys;

/// <summary>One survey answer. Type and ids are strings so a bad value is reported by field name.</summary>
public sealed record SubmitSurveyRequest
{
    /// <summary>"csat" (1–5), "nps" (0–10) or "ces" (1–7).</summary>
    [Required]
    public string? Type { get; init; }

    [Required]
    public int? Score { get; init; }

    [StringLength(20_000)]
    public string? Comment { get; init; }

    /// <summary>The Routing case the survey followed, if any.</summary>
    public string? CaseId { get; init; }

    [StringLength(200)]
    public string? ExternalId { get; init; }

    [StringLength(200)]
    public string? CustomerId { get; init; }

    [StringLength(40)]
    public string? CustomerTier { get; init; }
}
