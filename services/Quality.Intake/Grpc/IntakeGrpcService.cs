using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Quality.Intake.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Grpc;

public sealed class IntakeGrpcService(IntakeDbContext db) : IntakeService.IntakeServiceBase
{
    public override async Task<Feedback> GetFeedback(GetFeedbackRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.FeedbackId, out var id))
        {
            throw new RequestValidationException("feedback_id", "must be a UUID");
        }

        var item = await db.Feedback.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, context.CancellationToken)
            ?? throw new NotFoundException($"Feedback {id} does not exist.");

        var feedback = new Feedback
        {
            FeedbackId = item.Id.ToString(),
            Channel = item.Channel,
            ExternalId = item.ExternalId ?? "",
            Text = item.Text,
            Kind = item.Kind.ToString().ToLowerInvariant(),
            Category = item.Category,
            Severity = item.Severity,
            Sentiment = item.Sentiment,
            Language = item.Language,
            ReceivedAt = Timestamp.FromDateTimeOffset(item.ReceivedAt),
            Evidence = { item.Evidence },
            SurveyType = item.SurveyType?.ToString().ToLowerInvariant() ?? "",
            CaseId = item.CaseId?.ToString() ?? "",
            Subject = item.Subject ?? "",
        };
        if (item.SurveyScore is { } score)
        {
            feedback.SurveyScore = score;
        }

        return feedback;
    }
}
