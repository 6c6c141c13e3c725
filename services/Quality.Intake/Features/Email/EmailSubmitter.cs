using System.Security.Cryptography;
using System.Text;
using Quality.Intake.Classification;
using Quality.Intake.Features.Channels;
using Quality.Intake.Features.Feedback;

namespace Quality.Intake.Features.Email;

/// <summary>
/// Stores an email as feedback on the "email" channel, idempotent on its Message-ID. The sender's address
/// is contact data: it is not stored, only a pseudonymous customer key derived from it, so repeat mail from
/// one sender is still recognisable.
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

        var externalId = email.MessageId is { Length: > 200 } id ? $"sha256:{Hash(id)}" : email.MessageId;
        var item = FeedbackItem.Classified(ChannelNames.Email, externalId, text, CustomerKey(email.SenderAddress), classifier.Classify(text), time.GetUtcNow());
        item.Subject = email.Subject.Length <= MaxSubjectLength ? email.Subject : email.Subject[..MaxSubjectLength];
        return submitter.SubmitAsync(item, customerTier: null, [], cancellationToken);
    }

    private static string CustomerKey(string address) => $"email:{Hash(address.ToLowerInvariant())[..32]}";

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
