namespace Quality.Intake.Features.Transcripts;

public static class SpeakerRoles
{
    public const string Customer = "customer";
    public const string Agent = "agent";
}
