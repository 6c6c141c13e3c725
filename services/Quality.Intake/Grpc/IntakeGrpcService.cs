using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Quality.Intake.Features.Privacy;
using Quality.Intake.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Grpc;

public sealed class IntakeGrpcService(IntakeDbContext db, PiiProtector pii) : IntakeService.IntakeServiceBase
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
            Source = item.Source ?? "",
        };
        if (item.SurveyScore is { } score)
        {
            feedback.SurveyScore = score;
        }

        if (item.Rating is { } rating)
        {
            feedback.Rating = rating;
            feedback.RatingMin = item.RatingMin ?? 0;
            feedback.RatingMax = item.RatingMax ?? 0;
        }

        if (item.ErasedAt is { } erasedAt)
        {
            feedback.ErasedAt = Timestamp.FromDateTimeOffset(erasedAt);
        }

        // Contact data leaves Intake masked only.
        if (pii.Enabled && pii.Reveal(item) is { } contact)
        {
            feedback.Customer = new CustomerContact
            {
                Email = ContactMask.Email(contact.Email) ?? "",
                Phone = ContactMask.Phone(contact.Phone) ?? "",
                Name = ContactMask.Name(contact.Name) ?? "",
            };
        }

        if (item.OccurredAt is { } occurredAt)
        {
            feedback.OccurredAt = Timestamp.FromDateTimeOffset(occurredAt);
        }

        foreach (var turn in item.Turns ?? [])
        {
            feedback.Turns.Add(new TranscriptTurn
            {
                Role = turn.Role,
                Text = turn.Text,
                At = turn.At is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            });
        }

        return feedback;
    }
}
