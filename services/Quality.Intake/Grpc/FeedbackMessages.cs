using Google.Protobuf.WellKnownTypes;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Features.Privacy;

namespace Quality.Intake.Grpc;

/// <summary>Stored items as the API shows them: contact data masked, never in clear.</summary>
internal static class FeedbackMessages
{
    public static Feedback ToMessage(this FeedbackItem item, PiiProtector pii)
    {
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
            Confidence = item.Confidence,
            Language = item.Language,
            ReceivedAt = Timestamp.FromDateTimeOffset(item.ReceivedAt),
            Evidence = { item.Evidence },
            SurveyType = item.SurveyType?.ToString().ToLowerInvariant() ?? "",
            CaseId = item.CaseId?.ToString() ?? "",
            Subject = item.Subject ?? "",
            Source = item.Source ?? "",
            CustomerKey = item.CustomerKey ?? "",
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

        // Decrypted only to be masked: the clear value never leaves this method.
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
