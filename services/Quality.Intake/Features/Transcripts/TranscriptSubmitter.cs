using Quality.Intake.Classification;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Features.Privacy;
using Quality.Intake.Features.Validation;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Features.Transcripts;

/// <summary>
/// Stores a call or chat transcript with all its turns, classified on what the customer said only: the
/// agent's apologies ("sorry for the delay") would otherwise read as the customer's complaint, and their
/// courtesies as praise.
/// </summary>
public sealed class TranscriptSubmitter(FeedbackSubmitter submitter, FeedbackClassifier classifier, PiiProtector pii, TimeProvider time)
{
    public const int MaxTurns = 1000;
    public const int MaxTurnLength = 10_000;
    public const int MaxTranscriptLength = 200_000;

    /// <summary>What is classified and stored as the item's text; a long call is cut, not refused.</summary>
    private const int MaxCustomerTextLength = 20_000;

    public Task<SubmitFeedbackResponse> SubmitAsync(string channel, SubmitTranscriptRequest request, CancellationToken cancellationToken)
    {
        var turns = Validate(request);
        pii.ThrowIfRefused(request.Contact());
        var customerText = string.Join("\n", turns.Where(t => t.Role == SpeakerRoles.Customer).Select(t => t.Text));
        if (customerText.Length > MaxCustomerTextLength)
        {
            customerText = customerText[..MaxCustomerTextLength];
        }

        return submitter.SubmitAsync(channel, request.ExternalId, () =>
        {
            var item = FeedbackItem.Classified(channel, request.ExternalId, customerText, request.CustomerKey(), classifier.Classify(customerText), time.GetUtcNow());
            item.Turns = turns;
            item.Contact = request.Contact();
            item.OccurredAt = turns.Select(t => t.At).FirstOrDefault(at => at is not null);
            return item;
        }, request.CustomerTier, _ => [], cancellationToken);
    }

    private static List<TranscriptTurn> Validate(SubmitTranscriptRequest request)
    {
        var errors = RequestValidator.Errors(request) ?? [];
        if (request.Turns is not { Count: > 0 } sent)
        {
            errors["turns"] = ["is required: the conversation as speaker turns, each with a role (customer or agent) and text"];
            throw new RequestValidationException(errors);
        }

        if (sent.Count > MaxTurns)
        {
            errors["turns"] = [$"must hold at most {MaxTurns:N0} turns (got {sent.Count:N0})"];
            throw new RequestValidationException(errors);
        }

        var turns = new List<TranscriptTurn>(sent.Count);
        DateTimeOffset? previous = null;
        for (var index = 0; index < sent.Count; index++)
        {
            var field = $"turns[{index}]";
            if (sent[index] is not { } turn)
            {
                errors[field] = ["must be an object with role and text"];
                continue;
            }

            var role = turn.Role?.Trim().ToLowerInvariant();
            if (role is not (SpeakerRoles.Customer or SpeakerRoles.Agent))
            {
                errors[$"{field}.role"] = [turn.Role is null ? "is required: customer or agent" : "must be customer or agent"];
            }

            var text = turn.Text?.Trim() ?? "";
            if (text.Length == 0)
            {
                errors[$"{field}.text"] = ["is required"];
            }
            else if (text.Length > MaxTurnLength)
            {
                errors[$"{field}.text"] = [$"must be at most {MaxTurnLength:N0} characters"];
            }

            if (turn.At is { } at)
            {
                if (previous is { } before && at < before)
                {
                    errors[$"{field}.at"] = ["must not be earlier than the turn before it"];
                }

                previous = at;
            }

            turns.Add(new TranscriptTurn { Role = role ?? "", Text = text, At = turn.At });
        }

        if (errors.Count == 0 && turns.All(t => t.Role != SpeakerRoles.Customer))
        {
            errors["turns"] = ["must include at least one turn with role customer: the customer's turns are what is classified"];
        }

        if (errors.Count == 0 && turns.Sum(t => t.Text.Length) > MaxTranscriptLength)
        {
            errors["turns"] = [$"must hold at most {MaxTranscriptLength:N0} characters of text in all"];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return turns;
    }
}
