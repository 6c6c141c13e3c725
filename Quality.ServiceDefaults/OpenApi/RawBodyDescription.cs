using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace Quality.ServiceDefaults.OpenApi;

public static class RawBodyDescription
{
    /// <summary>
    /// Describes, in the OpenAPI document only, a body the endpoint reads itself (a MIME message, a CSV file), so
    /// clients and the bad-input suite see that it takes one. Unlike <c>Accepts</c> it does not make routing refuse
    /// other content types: the endpoint answers those itself, saying what to send.
    /// </summary>
    public static TBuilder DescribesBody<TBuilder>(this TBuilder builder, params string[] mediaTypes) where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = mediaTypes.ToDictionary(m => m, _ => new OpenApiMediaType()),
            };
            return Task.CompletedTask;
        });
}
