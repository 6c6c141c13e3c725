using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Quality.ServiceDefaults.Authentication;
using Quality.Intake.Features.Limits;

namespace Quality.Intake.Features.Reclassification;

internal static class ReclassificationEndpoints
{
    public static IEndpointRouteBuilder MapReclassificationEndpoints(this IEndpointRouteBuilder app)
    {
        var feedback = app.MapGroup("/api/feedback/{id:guid}").WithTags("Feedback").RequireAuthorization(Policies.Supervisor).WithBodyLimit(BodyLimit.Json);
        feedback.MapPost("/reclassify", ReclassifyAsync);
        feedback.MapGet("/reclassifications", HistoryAsync);
        return app;
    }

    private static async Task<Ok<ReclassificationEntry>> ReclassifyAsync(
        Guid id, ReclassifyRequest request, Reclassifier reclassifier, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reclassifier.ReclassifyAsync(id, request, CallerScope.From(user).Subject, cancellationToken));

    private static async Task<Ok<ReclassificationHistory>> HistoryAsync(Guid id, Reclassifier reclassifier, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ReclassificationHistory(await reclassifier.HistoryAsync(id, cancellationToken)));
}
