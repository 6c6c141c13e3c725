using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Quality.ServiceDefaults.Authentication;
using Quality.Intake.Features.Limits;

namespace Quality.Intake.Features.Privacy;

internal static class PrivacyEndpoints
{
    public static IEndpointRouteBuilder MapPrivacyEndpoints(this IEndpointRouteBuilder app)
    {
        var privacy = app.MapGroup("/api/admin").WithTags("Privacy").RequireAuthorization(Policies.Admin).WithBodyLimit(BodyLimit.Json);
        // A POST of an erasure request rather than DELETE /customers/{email}: the email stays out of URLs and access logs.
        privacy.MapPost("/customer-erasures", EraseAsync);
        privacy.MapPost("/pii/re-encrypt", ReEncryptAsync);
        return app;
    }

    private static async Task<Ok<ErasureResult>> EraseAsync(
        EraseCustomerRequest request, CustomerEraser eraser, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await eraser.EraseAsync(request, CallerScope.From(user).Subject, cancellationToken));

    private static async Task<Ok<ReEncryptResult>> ReEncryptAsync(PiiReEncryptor reEncryptor, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ReEncryptResult(await reEncryptor.ReEncryptAsync(CallerScope.From(user).Subject, cancellationToken)));
}
