using System.ComponentModel.DataAnnotations;
using Quality.Intake.Features.Privacy;

namespace Quality.Intake.Features.Transcripts;

/// <summary>A call or chat as speaker turns, in the order they were said.</summary>
public sealed record SubmitTranscriptRequest : CustomerFields
{
    /// <summary>The call or conversation id in the contact-centre system; resubmitting it answers the original.</summary>
    [StringLength(200)]
    public string? ExternalId { get; init; }

    public List<TranscriptTurnRequest?>? Turns { get; init; }
}
