using Microsoft.AspNetCore.Http.HttpResults;
using Quality.Intake.Authentication;
using Quality.Intake.Features.Channels;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Features.Limits;

namespace Quality.Intake.Features.Transcripts;

internal static class TranscriptEndpoints
{
    public static IEndpointRouteBuilder MapTranscriptEndpoints(this IEndpointRouteBuilder app)
    {
        var transcripts = app.MapGroup("/api/transcripts").WithTags("Transcripts").WithBodyLimit(BodyLimit.Transcript);
        // One route per channel: a call-centre key cannot post chats, and agents' channel skills tell them apart.
        transcripts.MapPost("/call", (SubmitTranscriptRequest request, TranscriptSubmitter submitter, CancellationToken cancellationToken) =>
            SubmitAsync(ChannelNames.Call, request, submitter, cancellationToken)).RequireAuthorization(ChannelPolicies.For(ChannelNames.Call));
        transcripts.MapPost("/chat", (SubmitTranscriptRequest request, TranscriptSubmitter submitter, CancellationToken cancellationToken) =>
            SubmitAsync(ChannelNames.Chat, request, submitter, cancellationToken)).RequireAuthorization(ChannelPolicies.For(ChannelNames.Chat));
        return app;
    }

    private static async Task<Results<Created<SubmitFeedbackResponse>, Ok<SubmitFeedbackResponse>>> SubmitAsync(
        string channel, SubmitTranscriptRequest request, TranscriptSubmitter submitter, CancellationToken cancellationToken)
    {
        var response = await submitter.SubmitAsync(channel, request, cancellationToken);
        return response.Duplicate
            ? TypedResults.Ok(response)
            : TypedResults.Created($"/api/feedback/{response.FeedbackId}", response);
    }
}
