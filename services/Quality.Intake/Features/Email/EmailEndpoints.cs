using Quality.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Quality.Intake.Authentication;
using Quality.Intake.Features.Channels;
using Quality.Intake.Features.Feedback;
using Quality.ServiceDefaults.Errors;
using Quality.Intake.Features.Limits;

namespace Quality.Intake.Features.Email;

internal static class EmailEndpoints
{
    private const string MessageMediaType = "message/rfc822";

    public static IEndpointRouteBuilder MapEmailEndpoints(this IEndpointRouteBuilder app)
    {
        var email = app.MapGroup("/api/email").WithTags("Email").RequireAuthorization(ChannelPolicies.For(ChannelNames.Email));
        email.MapPost("/", UploadAsync).WithBodyLimit(BodyLimit.Email).DescribesBody(MessageMediaType);
        email.MapPost("/inbound", InboundAsync).WithBodyLimit(BodyLimit.InboundEmail);
        return app;
    }

    /// <summary>A raw message as the body (<c>Content-Type: message/rfc822</c>).</summary>
    private static async Task<Results<Created<SubmitFeedbackResponse>, Ok<SubmitFeedbackResponse>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, EmailSubmitter submitter, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), MessageMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.",
                detail: $"Send the raw message with Content-Type: {MessageMediaType}.");
        }

        // Buffered first: MimeKit reads synchronously in places, which Kestrel forbids on the request stream.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return Answer(await submitter.SubmitAsync(await EmailParser.ParseAsync(buffer, "body", cancellationToken), cancellationToken));
    }

    /// <summary>An inbound-mail webhook: JSON with the raw message base64-encoded in <c>raw</c>.</summary>
    private static async Task<Results<Created<SubmitFeedbackResponse>, Ok<SubmitFeedbackResponse>, ProblemHttpResult>> InboundAsync(
        InboundEmailRequest request, EmailSubmitter submitter, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Raw))
        {
            throw new RequestValidationException("raw", "is required: the raw message, base64-encoded");
        }

        byte[] raw;
        try
        {
            raw = Convert.FromBase64String(request.Raw);
        }
        catch (FormatException)
        {
            throw new RequestValidationException("raw", "is not valid base64");
        }

        using var stream = new MemoryStream(raw);
        return Answer(await submitter.SubmitAsync(await EmailParser.ParseAsync(stream, "raw", cancellationToken), cancellationToken));
    }

    private static Results<Created<SubmitFeedbackResponse>, Ok<SubmitFeedbackResponse>, ProblemHttpResult> Answer(SubmitFeedbackResponse response) =>
        response.Duplicate ? TypedResults.Ok(response) : TypedResults.Created($"/api/feedback/{response.FeedbackId}", response);
}
