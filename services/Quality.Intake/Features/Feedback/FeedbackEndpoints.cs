using Microsoft.AspNetCore.Http.HttpResults;
using Quality.Intake.Authentication;
using Quality.Intake.Features.Channels;
using Quality.Intake.Features.Validation;
using Quality.Intake.Features.Limits;

namespace Quality.Intake.Features.Feedback;

internal static class FeedbackEndpoints
{
    public static IEndpointRouteBuilder MapFeedbackEndpoints(this IEndpointRouteBuilder app)
    {
        var feedback = app.MapGroup("/api/feedback").WithTags("Feedback");
        feedback.MapPost("/", SubmitAsync).RequireAuthorization(ChannelPolicies.For(ChannelNames.Api)).WithBodyLimit(BodyLimit.Json);
        feedback.MapPost("/batch", SubmitBatchAsync).RequireAuthorization(ChannelPolicies.For(ChannelNames.Api)).WithBodyLimit(BodyLimit.Batch);
        return app;
    }

    private static async Task<Results<Created<SubmitFeedbackResponse>, Ok<SubmitFeedbackResponse>>> SubmitAsync(
        SubmitFeedbackRequest request, FeedbackSubmitter submitter, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request);
        var response = await submitter.SubmitAsync(ChannelNames.Api, request, cancellationToken);
        return response.Duplicate
            ? TypedResults.Ok(response)
            : TypedResults.Created($"/api/feedback/{response.FeedbackId}", response);
    }

    private static async Task<Ok<SubmitBatchResponse>> SubmitBatchAsync(
        SubmitBatchRequest request, FeedbackBatchSubmitter submitter, CancellationToken cancellationToken) =>
        TypedResults.Ok(await submitter.SubmitAsync(ChannelNames.Api, request, cancellationToken));
}
