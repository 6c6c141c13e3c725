namespace Quality.BadInput.Checks;

public enum Verdict
{
    /// <summary>A clear refusal: a 4xx with ProblemDetails, or a gRPC error status with a message.</summary>
    Refused,

    /// <summary>A read answered normally although its input was odd (an ignored value, a search finding nothing).</summary>
    AcceptedRead,

    /// <summary>A 5xx, an unclear refusal, no answer, a write accepted, or a door opened without credentials.</summary>
    Failed,
}
