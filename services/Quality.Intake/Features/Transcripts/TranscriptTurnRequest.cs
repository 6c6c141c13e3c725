namespace Quality.Intake.Features.Transcripts;

/// <summary>A turn as sent; the role is a string so a wrong one is reported by field name.</summary>
public sealed record TranscriptTurnRequest
{
    public string? Role { get; init; }

    public string? Text { get; init; }

    public DateTimeOffset? At { get; init; }
}
