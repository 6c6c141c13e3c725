using Quality.Contracts.Intake;
using Quality.Intake.Classification;
using Quality.Intake.Features.Channels;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Features.Privacy;
using Quality.Intake.Features.Validation;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Features.Surveys;

/// <summary>
/// Stores a survey answer as feedback on the "survey" channel and raises <see cref="SurveyAnswered"/> with
/// it. The score decides complaints (NPS ≤ 6, CSAT ≤ 2) and weighs more than the comment in the sentiment:
/// it is what the customer chose, the comment's reading is the classifier's guess.
/// </summary>
public sealed class SurveySubmitter(FeedbackSubmitter submitter, FeedbackClassifier classifier, PiiProtector pii, TimeProvider time)
{
    public Task<SubmitFeedbackResponse> SubmitAsync(SubmitSurveyRequest request, CancellationToken cancellationToken)
    {
        var (type, score, caseId) = Validate(request);
        pii.ThrowIfRefused(request.Contact());
        return SubmitAsync(new SurveyAnswer
        {
            Channel = ChannelNames.Survey,
            ExternalId = request.ExternalId,
            Type = type,
            Score = score,
            CaseId = caseId,
            Comment = request.Comment,
            CustomerKey = request.CustomerKey(),
            CustomerTier = request.CustomerTier,
            Contact = request.Contact(),
        }, cancellationToken);
    }

    /// <summary>Stores an answer already validated, whichever way it came (a channel's API call, an invitation link).</summary>
    internal Task<SubmitFeedbackResponse> SubmitAsync(SurveyAnswer answer, CancellationToken cancellationToken)
    {
        var comment = string.IsNullOrWhiteSpace(answer.Comment) ? "" : answer.Comment.Trim();
        return submitter.SubmitAsync(
            answer.Channel, answer.ExternalId, () => Build(answer, comment), answer.CustomerTier,
            item => [new SurveyAnswered
            {
                CorrelationId = item.Id,
                FeedbackId = item.Id,
                SurveyType = answer.Type,
                Score = answer.Score,
                CaseId = answer.CaseId,
                CustomerKey = item.CustomerKey,
                AnsweredAt = item.ReceivedAt,
            }],
            cancellationToken);
    }

    private FeedbackItem Build(SurveyAnswer answer, string comment)
    {
        var (type, score) = (answer.Type, answer.Score);
        var scoreSentiment = SurveyScale.Sentiment(type, score);
        var text = comment.Length > 0 ? classifier.Classify(comment) : null;
        var evidence = new List<string> { $"survey:{type.ToString().ToLowerInvariant()}:{score}" };
        evidence.AddRange(text?.Evidence ?? []);

        var sentiment = ChosenSentiment.Blend(scoreSentiment, text);

        FeedbackKind kind;
        int severity;
        if (SurveyScale.IsComplaint(type, score))
        {
            kind = FeedbackKind.Complaint;
            severity = Math.Max(SurveyScale.Severity(type, score), text?.Kind == FeedbackKind.Complaint ? text.Severity : 1);
        }
        else
        {
            // A good score is not turned into a complaint by the classifier reading the comment negatively.
            kind = text is { Kind: not FeedbackKind.Complaint } ? text.Kind : sentiment > 0 ? FeedbackKind.Praise : FeedbackKind.Inquiry;
            severity = 1;
        }

        var language = text?.Language ?? answer.Language ?? "en";
        return new FeedbackItem
        {
            Id = Guid.CreateVersion7(),
            Channel = answer.Channel,
            ExternalId = answer.ExternalId,
            Text = comment,
            CustomerKey = answer.CustomerKey,
            Kind = kind,
            Category = text?.Category ?? classifier.DefaultCategory,
            Severity = severity,
            Sentiment = sentiment,
            Language = language,
            Confidence = text is null ? 0.9 : Math.Max(0.9, text.Confidence),
            Evidence = evidence,
            ReceivedAt = time.GetUtcNow(),
            CaseId = answer.CaseId,
            SurveyType = type,
            SurveyScore = score,
            Contact = answer.Contact,
        };
    }

    private static (SurveyType Type, int Score, Guid? CaseId) Validate(SubmitSurveyRequest request)
    {
        var errors = RequestValidator.Errors(request) ?? [];
        SurveyType? type = null;
        if (request.Type is not null)
        {
            if (EnumNames.TryParse<SurveyType>(request.Type, out var parsed))
            {
                type = parsed;
            }
            else
            {
                errors["type"] = ["must be one of: csat, nps, ces"];
            }
        }

        if (type is { } known && request.Score is { } score)
        {
            var (min, max) = SurveyScale.Range(known);
            if (score < min || score > max)
            {
                errors["score"] = [$"must be between {min} and {max} for {known.ToString().ToLowerInvariant()}"];
            }
        }

        Guid? caseId = null;
        if (request.CaseId is not null)
        {
            if (Guid.TryParse(request.CaseId, out var parsedCase))
            {
                caseId = parsedCase;
            }
            else
            {
                errors["caseId"] = ["must be a UUID"];
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return (type!.Value, request.Score!.Value, caseId);
    }
}
