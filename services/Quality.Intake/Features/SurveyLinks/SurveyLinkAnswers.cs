using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Contracts.Surveys;
using Quality.Intake.Features.Channels;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Features.Surveys;
using Quality.Intake.Infrastructure;

namespace Quality.Intake.Features.SurveyLinks;

/// <summary>
/// Checks survey invitation links and stores their answers through the ordinary survey path (same
/// classification, same events, same outbox) on the <see cref="ChannelNames.SurveyLink"/> channel with the
/// link's nonce as external id. The unique (channel, external id) index makes a link one-time inside the
/// answer's own transaction: of two concurrent answers exactly one commits, the other is refused.
/// </summary>
public sealed partial class SurveyLinkAnswers(
    IOptions<SurveyLinkOptions> options, IntakeDbContext db, SurveySubmitter surveys, TimeProvider time, ILogger<SurveyLinkAnswers> logger)
{
    /// <summary>How far Notifications' clock may be ahead of ours before a fresh link looks expired.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    private const int MaxNonceLength = 200;

    private readonly IReadOnlyList<byte[]> _keys = options.Value.Keys();

    /// <summary>The link behind <paramref name="token"/>, if it is genuine, unexpired and unused.</summary>
    public async Task<SurveyLink> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        var link = Read(token);
        if (await IsUsedAsync(link, cancellationToken))
        {
            throw Used();
        }

        return link;
    }

    /// <summary>Stores the answer to the link; the token is checked again, it is the only credential.</summary>
    public async Task<SurveyLinkAnswered> AnswerAsync(
        string? token, int? score, string? comment, string? language, CancellationToken cancellationToken)
    {
        var link = Read(token);
        var (min, max) = SurveyScale.Range(link.Type);
        if (score is null)
        {
            throw new SurveyLinkRefusedException(new SurveyLinkRefusal(SurveyLinkFailure.ScoreMissing, "score",
                $"is required: choose a score from {min} to {max}") { Range = (min, max), Link = link });
        }

        if (score < min || score > max)
        {
            throw new SurveyLinkRefusedException(new SurveyLinkRefusal(SurveyLinkFailure.ScoreOutOfRange, "score",
                $"must be between {min} and {max} for {TypeName(link)}") { Range = (min, max), Link = link });
        }

        if (comment?.Length > SubmitSurveyRequest.MaxCommentLength)
        {
            throw new SurveyLinkRefusedException(new SurveyLinkRefusal(SurveyLinkFailure.CommentTooLong, "comment",
                $"must be at most {SubmitSurveyRequest.MaxCommentLength} characters") { Link = link });
        }

        // Answers the common reuse without classifying; the unique index still decides a race.
        if (await IsUsedAsync(link, cancellationToken))
        {
            throw Used();
        }

        var stored = await surveys.SubmitAsync(new SurveyAnswer
        {
            Channel = ChannelNames.SurveyLink,
            ExternalId = link.Nonce,
            Type = link.Type,
            Score = score.Value,
            CaseId = link.CaseId,
            Comment = comment,
            Language = language,
            // The case's customer, so Routing joins a low score to their open case and Scoring counts it for them;
            // none once their data was erased.
            CustomerKey = await CustomerOfAsync(link, cancellationToken),
        }, cancellationToken);
        if (stored.Duplicate)
        {
            throw Used();
        }

        LogAnswered(logger, link.CaseId, TypeName(link), score.Value, stored.FeedbackId);
        return new SurveyLinkAnswered(stored.FeedbackId, link.CaseId, TypeName(link), score.Value, stored.Kind.ToString().ToLowerInvariant());
    }

    private SurveyLink Read(string? token)
    {
        if (_keys.Count == 0)
        {
            throw new SurveyLinkRefusedException(new SurveyLinkRefusal(SurveyLinkFailure.NotConfigured, "token",
                $"survey links are not configured on this service ({SurveyLinkOptions.SectionName}:LinkKey)"));
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            throw new SurveyLinkRefusedException(new SurveyLinkRefusal(SurveyLinkFailure.Invalid, "token", "the link carries no token"));
        }

        if (!SurveyLinkToken.TryRead(token.Trim(), _keys, out var link, out var error) || link!.Nonce.Length > MaxNonceLength)
        {
            throw new SurveyLinkRefusedException(new SurveyLinkRefusal(SurveyLinkFailure.Invalid, "token",
                link is null ? error : "the survey link is of a format this service does not know"));
        }

        if (time.GetUtcNow() > link.ExpiresAt + ClockSkew)
        {
            var at = link.ExpiresAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            throw new SurveyLinkRefusedException(new SurveyLinkRefusal(SurveyLinkFailure.Expired, "token", $"this survey link expired on {at}")
            {
                ExpiredAt = link.ExpiresAt,
            });
        }

        return link;
    }

    private Task<string?> CustomerOfAsync(SurveyLink link, CancellationToken cancellationToken) =>
        db.Feedback.Where(f => f.Id == link.FeedbackId).Select(f => f.CustomerKey).FirstOrDefaultAsync(cancellationToken);

    private Task<bool> IsUsedAsync(SurveyLink link, CancellationToken cancellationToken) =>
        db.Feedback.AnyAsync(f => f.Channel == ChannelNames.SurveyLink && f.ExternalId == link.Nonce, cancellationToken);

    private static SurveyLinkRefusedException Used() =>
        new(new SurveyLinkRefusal(SurveyLinkFailure.Used, "token", "this survey link has already been used"));

    private static string TypeName(SurveyLink link) => link.Type.ToString().ToLowerInvariant();

    [LoggerMessage(LogLevel.Information, "A survey link for case {CaseId} was answered: {SurveyType} {Score}, stored as {FeedbackId}")]
    private static partial void LogAnswered(ILogger logger, Guid caseId, string surveyType, int score, Guid feedbackId);
}
