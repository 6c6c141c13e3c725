using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Quality.Intake.Features.Validation;
using Quality.ServiceDefaults.Authentication;
using Quality.Intake.Features.Limits;

namespace Quality.Intake.Features.ApiKeys;

internal static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/admin/api-keys").WithTags("API keys").RequireAuthorization(Policies.Admin).WithBodyLimit(BodyLimit.Json);
        keys.MapPost("/", CreateAsync);
        keys.MapGet("/", ListAsync);
        keys.MapGet("/{id:guid}", GetAsync);
        keys.MapDelete("/{id:guid}", RevokeAsync);
        return app;
    }

    private static async Task<Created<CreatedApiKey>> CreateAsync(
        CreateApiKeyRequest request, ApiKeyService keys, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request);
        var created = await keys.CreateAsync(request, CallerScope.From(user).Subject, cancellationToken);
        return TypedResults.Created($"/api/admin/api-keys/{created.Id}", created);
    }

    private static async Task<Ok<ApiKeyList>> ListAsync(ApiKeyService keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ApiKeyList(await keys.ListAsync(cancellationToken)));

    private static async Task<Ok<ApiKeySummary>> GetAsync(Guid id, ApiKeyService keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.GetAsync(id, cancellationToken));

    private static async Task<NoContent> RevokeAsync(Guid id, ApiKeyService keys, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await keys.RevokeAsync(id, CallerScope.From(user).Subject, cancellationToken);
        return TypedResults.NoContent();
    }
}
