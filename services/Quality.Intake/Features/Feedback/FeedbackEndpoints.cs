using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Features.Feedback;

internal static class FeedbackEndpoints
{
    public const string ApiChannel = "api";

    public static IEndpointRouteBuilder MapFeedbackEndpoints(this IEndpointRouteBuilder app)
    {
        var feedback = app.MapGroup("/api/feedback").WithTags("Feedback");
        feedback.MapPost("/", SubmitAsync);
        return app;
    }

    private static async Task<Results<Created<SubmitFeedbackResponse>, Ok<SubmitFeedbackResponse>>> SubmitAsync(
        SubmitFeedbackRequest request, FeedbackSubmitter submitter, CancellationToken cancellationToken)
    {
        Validate(request);
        var response = await submitter.SubmitAsync(ApiChannel, request, cancellationToken);
        return response.Duplicate
            ? TypedResults.Ok(response)
            : TypedResults.Created($"/api/feedback/{response.FeedbackId}", response);
    }

    private static void Validate(object request)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
        {
            throw new RequestValidationException(results
                .GroupBy(r => JsonName(r.MemberNames.FirstOrDefault() ?? ""))
                .ToDictionary(g => g.Key, g => g.Select(r => r.ErrorMessage ?? "is invalid").ToArray()));
        }
    }

    private static string JsonName(string member) => member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];
}
