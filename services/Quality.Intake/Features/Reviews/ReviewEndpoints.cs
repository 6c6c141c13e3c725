using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Quality.Intake.Authentication;
using Quality.Intake.Features.Channels;
using Quality.Intake.Features.Feedback;
using Quality.ServiceDefaults.Errors;
using Quality.Intake.Features.Limits;

namespace Quality.Intake.Features.Reviews;

internal static class ReviewEndpoints
{
    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/webhooks/reviews/{source}", SubmitAsync).WithTags("Reviews").RequireAuthorization(ChannelPolicies.For(ChannelNames.Review)).WithBodyLimit(BodyLimit.Json);
        return app;
    }

    /// <summary>Any JSON shape: the source's configured mapping says where each field is.</summary>
    private static async Task<Results<Created<SubmitFeedbackResponse>, Ok<SubmitFeedbackResponse>>> SubmitAsync(
        string source, HttpRequest request, ReviewSubmitter submitter, CancellationToken cancellationToken)
    {
        JsonDocument payload;
        try
        {
            payload = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            throw new RequestValidationException("body", $"is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})");
        }

        using (payload)
        {
            var response = await submitter.SubmitAsync(source, payload.RootElement, cancellationToken);
            return response.Duplicate
                ? TypedResults.Ok(response)
                : TypedResults.Created($"/api/feedback/{response.FeedbackId}", response);
        }
    }
}
