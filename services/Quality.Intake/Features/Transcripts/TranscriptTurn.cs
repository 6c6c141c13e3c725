namespace Quality.Intake.Features.Transcripts;

/// <summary>One speaker's turn in a call or chat, stored with the item as the conversation went.</summary>
public sealed class TranscriptTurn
{
    /// <summary><see cref="SpeakerRoles.Customer"/> or <see cref="SpeakerRoles.Agent"/>.</summary>
    public required string Role { get; init; }

    public required string Text { get; init; }

    /// <summary>When the turn was said, if the source system records it.</summary>
    public DateTimeOffset? At { get; init; }
}
