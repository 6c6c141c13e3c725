namespace Quality.Intake.Features.Limits;

/// <summary>Which request-body limit an endpoint has; the sizes are configuration (<see cref="RequestLimitsOptions"/>).</summary>
public enum BodyLimit
{
    /// <summary>One JSON item, a survey answer, a review webhook, an admin command.</summary>
    Json,

    /// <summary>A call or chat as turns.</summary>
    Transcript,

    /// <summary>Up to 1,000 JSON items.</summary>
    Batch,

    /// <summary>A raw RFC 822 message.</summary>
    Email,

    /// <summary>A raw message base64-encoded in JSON: a third larger than <see cref="Email"/>.</summary>
    InboundEmail,

    /// <summary>A bulk CSV or JSON Lines file (<c>Intake:Import:MaxUploadBytes</c>).</summary>
    Import,
}
