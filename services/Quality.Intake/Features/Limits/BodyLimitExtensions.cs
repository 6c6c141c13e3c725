namespace Quality.Intake.Features.Limits;

public static class BodyLimitExtensions
{
    /// <summary>Caps the request body of these endpoints at <paramref name="limit"/>'s configured size.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, BodyLimit limit) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimitMetadata(limit));

    /// <summary>Applies the endpoints' body limits; after the exception handler, before anything reads a body.</summary>
    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.UseMiddleware<BodyLimitMiddleware>();
}
