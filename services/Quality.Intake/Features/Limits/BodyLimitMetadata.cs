namespace Quality.Intake.Features.Limits;

/// <summary>Endpoint metadata naming the endpoint's body limit; <see cref="BodyLimitMiddleware"/> applies it.</summary>
public sealed record BodyLimitMetadata(BodyLimit Limit);
