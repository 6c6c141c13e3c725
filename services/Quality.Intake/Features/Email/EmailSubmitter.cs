using Quality.Intake.Classification;
using Quality.Intake.Features.Channels;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Features.Privacy;
using Quality.Intake.Infrastructure;

namespace Quality.Intake.Features.Email;

/// <summary>
/// Stores an email as feedback on the "email" channel, idempotent on its Message-ID. The sender's address
/// is contact data: it is stored only encrypted (and not at all without a key), while a pseudonymous
/// customer key derived from it makes repeat mail from one sender recognisable to other services.
/// </summary>
public sealed class EmailSubmitter(FeedbackSubmitter submitter, FeedbackClassifier classifier, TimeProvider time)
{
    private const int MaxTextLength = 20_000;
    private const int MaxSubjectLength = 500;

    public Task<SubmitFeedbackResponse> SubmitAsync(ParsedEmail email, CancellationToken cancellationToken)
    {
        var text = email.Subject.Length == 0 ? email.Body : email.Body.Length == 0 ? email.Subject : $"{email.Subject}\n\n{email.Body}";
        // A long mail is cut, not refused: the start carries what the customer wants.
        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength];
        }

        var externalId = email.MessageId is { Length: > 200 } id ? $"sha256:{Sha256Hex.Of(id)}" : email.MessageId;
        return submitter.SubmitAsync(ChannelNames.Email, externalId, () =>
        {
            var item = FeedbackItem.Classified(ChannelNames.Email, externalId, text, CustomerKeys.FromEmail(email.SenderAddress), classifier.Classify(text), time.GetUtcNow());
            item.Subject = email.Subject.Length <= MaxSubjectLength ? email.Subject : email.Subject[..MaxSubjectLength];
            // The sender is contact data: kept only encrypted, and only when a key is configured.
            item.Contact = CustomerContact.From(email.SenderAddress, null, email.SenderName is { Length: > 200 } name ? name[..200] : email.SenderName);
            return item;
        }, customerTier: null, _ => [], cancellationToken);
    }


}
