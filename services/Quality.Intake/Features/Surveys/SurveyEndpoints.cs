using Microsoft.AspNetCore.Http.HttpResults;
using Quality.Intake.Authentication;
using Quality.Intake.Features.Channels;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Features.Limits;

namespace Quality.Intake.Features.Surveys;

internal static class SurveyEndpoints
{
    public static IEndpointRouteBuilder MapSurveyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/surveys", SubmitAsync).WithTags("Surveys").RequireAuthorization(ChannelPolicies.For(ChannelNames.Survey)).WithBodyLimit(BodyLimit.Json);
        return app;
    }

    private static async Task<Results<Created<SubmitFeedbackResponse>, Ok<SubmitFeedbackResponse>>> SubmitAsync(
        SubmitSurveyRequest request, SurveySubmitter submitter, CancellationToken cancellationToken)
    {
        var response = await submitter.SubmitAsync(request, cancellationToken);
        return response.Duplicate
            ? TypedResults.Ok(response)
            : TypedResults.Created($"/api/feedback/{response.FeedbackId}", response);
    }
}
