using System.ComponentModel.DataAnnotations;
using Quality.Intake.Features.Privacy;

namespace Quality.Intake.Features.Surveys;

/// <summary>One survey answer. Type and ids are strings so a bad value is reported by field name.</summary>
public sealed record SubmitSurveyRequest : CustomerFields
{
    /// <summary>"csat" (1–5), "nps" (0–10) or "ces" (1–7).</summary>
    [Required]
    public string? Type { get; init; }

    [Required]
    public int? Score { get; init; }

    /// <summary>The longest comment a survey answer may carry, whichever way it arrives.</summary>
    public const int MaxCommentLength = 20_000;

    [StringLength(MaxCommentLength)]
    public string? Comment { get; init; }

    /// <summary>The Routing case the survey followed, if any.</summary>
    public string? CaseId { get; init; }

    [StringLength(200)]
    public string? ExternalId { get; init; }
}
