using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
using Quality.Messaging.Persistence;
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
    /// <summary>
    /// Decides each resolved case's invitation, in the order given, as if one at a time: a case decided before (or
    /// earlier in the list) is left alone, and an invitation scheduled earlier in the list counts for its customer's
    /// cooldown. Every case's and customer's lock is taken first, in key order, so two batches that share some wait
    /// for one another in turn, never in a circle; the decisions take three statements whatever the number of cases.
    /// </summary>
    public async Task ResolvedAsync(IReadOnlyList<CaseResolved> resolutions, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.IsEnabled || resolutions.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var surveyType = SurveyTypes.Name(SurveyTypes.Parse(o.SurveyType)!.Value);
        var caseIds = resolutions.Select(r => r.CaseId).Distinct().ToArray();
        var customers = resolutions.Select(CustomerKeyOf).OfType<string>().Distinct().ToArray();
        await db.LockInKeyOrderAsync([.. caseIds.Select(CaseLockKey), .. customers.Select(CustomerLockKey)], cancellationToken);

        // Decided before: still scheduled, already sent, skipped, or cancelled because the case was reopened.
        var decided = (await db.SurveyInvitations.Where(i => caseIds.Contains(i.CaseId)).Select(i => i.CaseId).ToListAsync(cancellationToken))
            .ToHashSet();
        var invited = await InvitedAsync(resolutions.Where(r => !decided.Contains(r.CaseId)).ToList(), customers, o, cancellationToken);

        foreach (var resolved in resolutions)
        {
            if (!decided.Add(resolved.CaseId))
            {
                continue;
            }

            var invitation = new SurveyInvitation
            {
                Id = Guid.CreateVersion7(),
                CaseId = resolved.CaseId,
                FeedbackId = resolved.FeedbackId,
                CustomerKey = CustomerKeyOf(resolved),
                TeamId = resolved.TeamId,
                SurveyType = surveyType,
                Status = SurveyInvitationStatuses.Scheduled,
                ResolvedAt = resolved.ResolvedAt,
                DueAt = resolved.ResolvedAt + o.Delay,
                SourceEventId = resolved.EventId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            invitation.Reason = SkipReason(invitation, o, invited);
            if (invitation.Reason is null)
            {
                invited.Add((invitation.CustomerKey!, invitation.DueAt));
            }
            else
            {
                invitation.Status = SurveyInvitationStatuses.Skipped;
            }

            db.SurveyInvitations.Add(invitation);
            LogDecided(resolved.CaseId, invitation.Status, invitation.Reason ?? "", invitation.DueAt);
        }
    }

    /// <summary>A reopened case invites nobody, now or after a later resolution; the row remembers it.</summary>
    public async Task ReopenedAsync(CaseReopened reopened, CancellationToken cancellationToken)
    {
        if (!options.Value.IsEnabled)
        {
            return;
        }

        await db.LockInKeyOrderAsync([CaseLockKey(reopened.CaseId)], cancellationToken);
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

    /// <summary>
    /// The invitations, scheduled or sent, of these customers that are due within a cooldown of any of
    /// <paramref name="pending"/>: cases of one customer may be resolved (and reach us) out of order, so either side.
    /// </summary>
    private async Task<List<(string Customer, DateTimeOffset DueAt)>> InvitedAsync(
        List<CaseResolved> pending, string[] customers, SurveyOptions o, CancellationToken cancellationToken)
    {
        if (o.Cooldown <= TimeSpan.Zero || pending.Count == 0 || customers.Length == 0)
        {
            return [];
        }

        var from = pending.Min(r => r.ResolvedAt) + o.Delay - o.Cooldown;
        var until = pending.Max(r => r.ResolvedAt) + o.Delay + o.Cooldown;
        var rows = await db.SurveyInvitations
            .Where(i => customers.Contains(i.CustomerKey!)
                && (i.Status == SurveyInvitationStatuses.Scheduled || i.Status == SurveyInvitationStatuses.Sent)
                && i.DueAt > from && i.DueAt < until)
            .Select(i => new { i.CustomerKey, i.DueAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.CustomerKey!, r.DueAt))];
    }

    private static string? SkipReason(SurveyInvitation invitation, SurveyOptions o, List<(string Customer, DateTimeOffset DueAt)> invited)
    {
        if (invitation.CustomerKey is not { } customer)
        {
            return SurveySkipReasons.NoCustomer;
        }

        if (!SurveySampling.Includes(invitation.CaseId, o.SampleRate))
        {
            return SurveySkipReasons.NotSampled;
        }

        var recent = o.Cooldown > TimeSpan.Zero && invited.Any(i => i.Customer == customer
            && i.DueAt > invitation.DueAt - o.Cooldown && i.DueAt < invitation.DueAt + o.Cooldown);
        return recent ? SurveySkipReasons.Cooldown : null;
    }

    private static string? CustomerKeyOf(CaseResolved resolved) =>
        string.IsNullOrWhiteSpace(resolved.CustomerKey) ? null : resolved.CustomerKey.Trim();

    private static string CaseLockKey(Guid caseId) => $"survey-case:{caseId:N}";

    private static string CustomerLockKey(string customer) => $"survey-customer:{customer}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey invitation for case {CaseId}: {Status} {Reason} (due {DueAt})")]
    private partial void LogDecided(Guid caseId, string status, string reason, DateTimeOffset dueAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} was reopened: no survey invitation")]
    private partial void LogCancelled(Guid caseId);
}
