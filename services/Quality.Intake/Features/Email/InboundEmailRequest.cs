namespace Quality.Intake.Features.Email;

/// <summary>What an inbound-mail webhook posts: the raw message, base64-encoded.</summary>
public sealed record InboundEmailRequest
{
    public string? Raw { get; init; }
}
