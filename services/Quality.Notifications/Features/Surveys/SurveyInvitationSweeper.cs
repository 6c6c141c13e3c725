using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Contracts.Surveys;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Email;
using Quality.Notifications.Features.Rules;
using Quality.Notifications.Infrastructure;

namespace Quality.Notifications.Features.Surveys;

/// <summary>
/// Sends due invitations. Each is claimed with <c>FOR UPDATE SKIP LOCKED</c> in its own transaction, Intake is
/// asked for the customer's address, and the email delivery and the invitation's new status commit together:
/// across replicas and restarts an invitation is queued once, and a crash before the commit leaves it due.
/// The email then goes through the email lane like any other (retries, delivery log). When Intake cannot be
/// reached the invitation stays scheduled and is tried again after a growing wait: it is never dropped.
/// </summary>
public sealed partial class SurveyInvitationSweeper(
    IServiceScopeFactory scopes,
    ISurveyContacts contacts,
    IOptions<SurveyOptions> options,
    TimeProvider time,
    ILogger<SurveyInvitationSweeper> logger)
{
    private enum Outcome { NoneDue, Decided, Queued, IntakeUnavailable }

    /// <summary>Handles up to <paramref name="limit"/> due invitations; returns how many were handled and how many emails queued.</summary>
    public async Task<(int Handled, int Queued)> SweepAsync(int limit, CancellationToken cancellationToken)
    {
        var handled = 0;
        var queued = 0;
        for (var i = 0; i < limit; i++)
        {
            var outcome = await SendNextAsync(cancellationToken);
            if (outcome is Outcome.NoneDue)
            {
                break;
            }

            handled++;
            if (outcome is Outcome.Queued)
            {
                queued++;
            }
            else if (outcome is Outcome.IntakeUnavailable)
            {
                // The others would wait on the same unreachable Intake: leave them for the next round.
                break;
            }
        }

        return (handled, queued);
    }

    private async Task<Outcome> SendNextAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitation = await db.SurveyInvitations.FromSql($"""
            SELECT * FROM survey_invitations
            WHERE status = 'scheduled' AND due_at <= {now}
            ORDER BY due_at
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """).SingleOrDefaultAsync(cancellationToken);
        if (invitation is null)
        {
            return Outcome.NoneDue;
        }

        SurveyContact? contact = null;
        if (invitation.FeedbackId is { } feedbackId)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(o.ContactTimeout);
                contact = await contacts.FindAsync(feedbackId, timeout.Token);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                invitation.Attempts++;
                invitation.DueAt = now + Backoff.After(invitation.Attempts, o.RetryBaseDelay, o.RetryMaxDelay, Random.Shared.NextDouble());
                invitation.LastError = Truncate($"Intake: {e.Message}");
                invitation.UpdatedAt = now;
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                LogIntakeUnavailable(invitation.CaseId, invitation.Attempts, invitation.DueAt, e.Message);
                return Outcome.IntakeUnavailable;
            }
        }

        var address = EmailAddresses.Canonical(contact?.Email);
        var skip = contact switch
        {
            null => SurveySkipReasons.ContactNotFound,
            { Erased: true } => SurveySkipReasons.Erased,
            _ when address is null => SurveySkipReasons.NoEmail,
            _ => null,
        };
        invitation.UpdatedAt = now;
        invitation.LastError = null;
        if (skip is not null)
        {
            invitation.Status = SurveyInvitationStatuses.Skipped;
            invitation.Reason = skip;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogSkipped(invitation.CaseId, skip);
            return Outcome.Decided;
        }

        var language = SurveyEmailComposer.LanguageOf(contact!.Language);
        var expiresAt = now + o.LinkLifetime;
        // The contact was found by the feedback id, so it is there; the link carries it for Intake to find the customer.
        var token = SurveyLinkToken.Create(o.LinkKeyBytes(), invitation.CaseId, invitation.FeedbackId!.Value, SurveyTypes.Parse(invitation.SurveyType)!.Value, expiresAt);
        var email = SurveyEmailComposer.Compose(
            language, invitation.CaseId, invitation.SurveyType, SurveyEmailComposer.Link(o.LinkBaseUrl!, token, language), expiresAt);
        var delivery = new Delivery
        {
            Id = Guid.CreateVersion7(),
            Kind = DeliveryKinds.Survey,
            Channel = RuleChannels.Email,
            Recipient = address,
            Subject = email.Subject,
            Payload = email.Body,
            Status = DeliveryStatuses.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.Deliveries.Add(delivery);
        invitation.Status = SurveyInvitationStatuses.Sent;
        invitation.Language = language;
        invitation.SentAt = now;
        invitation.ExpiresAt = expiresAt;
        invitation.DeliveryId = delivery.Id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogQueued(invitation.CaseId, delivery.Id, language);
        return Outcome.Queued;
    }

    private static string Truncate(string error) => error.Length <= 1000 ? error : error[..1000];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Survey invitation for case {CaseId}: Intake unavailable (try {Attempts}), next try at {DueAt}: {Error}")]
    private partial void LogIntakeUnavailable(Guid caseId, int attempts, DateTimeOffset dueAt, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey invitation for case {CaseId} skipped: {Reason}")]
    private partial void LogSkipped(Guid caseId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey invitation for case {CaseId} queued as email delivery {DeliveryId} ({Language})")]
    private partial void LogQueued(Guid caseId, Guid deliveryId, string language);
}
