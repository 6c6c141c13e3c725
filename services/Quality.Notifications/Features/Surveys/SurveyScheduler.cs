using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Infrastructure;

namespace Quality.Notifications.Features.Surveys;

/// <summary>
/// Decides, inside the consumer's inbox transaction, whether a resolved case's customer is to be invited, and
/// cancels the invitation of a reopened case. Every decision is a row (scheduled, or skipped with its reason),
/// one per case, so a case is decided once however often it is resolved. Transaction-scoped advisory locks
/// on the case and on the customer key make concurrent consumers (and replicas) decide one after the other.
/// </summary>
public sealed partial class SurveyScheduler(NotificationsDbContext db, IOptions<SurveyOptions> options, TimeProvider time, ILogger<SurveyScheduler> logger)
{
    public async Task ResolvedAsync(CaseResolved resolved, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.IsEnabled)
        {
            return;
        }

        await LockAsync($"survey-case:{resolved.CaseId:N}", cancellationToken);
        if (await db.SurveyInvitations.AnyAsync(i => i.CaseId == resolved.CaseId, cancellationToken))
        {
            // Decided before: still scheduled, already sent, skipped, or cancelled because the case was reopened.
            return;
        }

        var now = time.GetUtcNow();
        var customerKey = string.IsNullOrWhiteSpace(resolved.CustomerKey) ? null : resolved.CustomerKey.Trim();
        var invitation = new SurveyInvitation
        {
            Id = Guid.CreateVersion7(),
            CaseId = resolved.CaseId,
            FeedbackId = resolved.FeedbackId,
            CustomerKey = customerKey,
            TeamId = resolved.TeamId,
            SurveyType = SurveyTypes.Name(SurveyTypes.Parse(o.SurveyType)!.Value),
            Status = SurveyInvitationStatuses.Scheduled,
            ResolvedAt = resolved.ResolvedAt,
            DueAt = resolved.ResolvedAt + o.Delay,
            SourceEventId = resolved.EventId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        invitation.Reason = await SkipReasonAsync(invitation, o, cancellationToken);
        if (invitation.Reason is not null)
        {
            invitation.Status = SurveyInvitationStatuses.Skipped;
        }

        db.SurveyInvitations.Add(invitation);
        LogDecided(resolved.CaseId, invitation.Status, invitation.Reason ?? "", invitation.DueAt);
    }

    /// <summary>A reopened case invites nobody, now or after a later resolution; the row remembers it.</summary>
    public async Task ReopenedAsync(CaseReopened reopened, CancellationToken cancellationToken)
    {
        if (!options.Value.IsEnabled)
        {
            return;
        }

        await LockAsync($"survey-case:{reopened.CaseId:N}", cancellationToken);
        var now = time.GetUtcNow();
        var invitation = await db.SurveyInvitations.SingleOrDefaultAsync(i => i.CaseId == reopened.CaseId, cancellationToken);
        if (invitation is null)
        {
            // Reopened before its resolution was seen here (events of two queues may cross): remember it all the same.
            db.SurveyInvitations.Add(new SurveyInvitation
            {
                Id = Guid.CreateVersion7(),
                CaseId = reopened.CaseId,
                TeamId = reopened.TeamId,
                SurveyType = SurveyTypes.Name(SurveyTypes.Parse(options.Value.SurveyType)!.Value),
                Status = SurveyInvitationStatuses.Cancelled,
                Reason = SurveySkipReasons.Reopened,
                DueAt = now,
                SourceEventId = reopened.EventId,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }
        else if (invitation.Status == SurveyInvitationStatuses.Scheduled)
        {
            invitation.Status = SurveyInvitationStatuses.Cancelled;
            invitation.Reason = SurveySkipReasons.Reopened;
            invitation.UpdatedAt = now;
        }
        else
        {
            return;
        }

        LogCancelled(reopened.CaseId);
    }

    /// <summary>
    /// Intake erased a customer: their waiting invitations are skipped, an email not yet handed to the mail
    /// server is dropped with its address, and their pseudonym is forgotten here too.
    /// </summary>
    public async Task ErasedAsync(CustomerErased erased, CancellationToken cancellationToken)
    {
        if (erased.FeedbackIds.Count == 0)
        {
            return;
        }

        var feedbackIds = erased.FeedbackIds.ToArray();
        var now = time.GetUtcNow();
        // Locked, so an invitation the sweeper is sending right now is seen as it commits (sent, with its delivery).
        var invitations = await db.SurveyInvitations
            .FromSql($"SELECT * FROM survey_invitations WHERE feedback_id = ANY({feedbackIds}) ORDER BY id FOR UPDATE")
            .ToListAsync(cancellationToken);
        foreach (var invitation in invitations)
        {
            if (invitation.Status == SurveyInvitationStatuses.Scheduled)
            {
                invitation.Status = SurveyInvitationStatuses.Skipped;
                invitation.Reason = SurveySkipReasons.Erased;
            }

            invitation.CustomerKey = null;
            invitation.UpdatedAt = now;
        }

        var deliveryIds = invitations.Where(i => i.DeliveryId != null).Select(i => i.DeliveryId!.Value).ToList();
        await db.Deliveries
            .Where(d => deliveryIds.Contains(d.Id) && d.Kind == DeliveryKinds.Survey && d.Status == DeliveryStatuses.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DeliveryStatuses.Dead)
                .SetProperty(d => d.Recipient, (string?)null)
                .SetProperty(d => d.Payload, "")
                .SetProperty(d => d.LastError, "the customer's data was erased")
                .SetProperty(d => d.CompletedAt, now), cancellationToken);
    }

    private async Task<string?> SkipReasonAsync(SurveyInvitation invitation, SurveyOptions o, CancellationToken cancellationToken)
    {
        if (invitation.CustomerKey is not { } customer)
        {
            return SurveySkipReasons.NoCustomer;
        }

        if (!SurveySampling.Includes(invitation.CaseId, o.SampleRate))
        {
            return SurveySkipReasons.NotSampled;
        }

        if (o.Cooldown <= TimeSpan.Zero)
        {
            return null;
        }

        await LockAsync($"survey-customer:{customer}", cancellationToken);
        // Either side of this one's time: cases of one customer may be resolved (and reach us) out of order.
        var from = invitation.DueAt - o.Cooldown;
        var until = invitation.DueAt + o.Cooldown;
        var recent = await db.SurveyInvitations.AnyAsync(i => i.CustomerKey == customer
            && (i.Status == SurveyInvitationStatuses.Scheduled || i.Status == SurveyInvitationStatuses.Sent)
            && i.DueAt > from && i.DueAt < until, cancellationToken);
        return recent ? SurveySkipReasons.Cooldown : null;
    }

    private Task LockAsync(string key, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey invitation for case {CaseId}: {Status} {Reason} (due {DueAt})")]
    private partial void LogDecided(Guid caseId, string status, string reason, DateTimeOffset dueAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} was reopened: no survey invitation")]
    private partial void LogCancelled(Guid caseId);
}
