using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quality.Notifications.Features.Alerts;
using Quality.Notifications.Features.Feed;
using Quality.Notifications.Features.Noise;
using Quality.Notifications.Features.Rules;
using Quality.Notifications.Infrastructure;

namespace Quality.Notifications.Features.Escalation;

/// <summary>
/// Raises due escalations. Each timer is claimed with <c>FOR UPDATE SKIP LOCKED</c> in its own transaction,
/// and the next level's alert, its deliveries and the timer's advance (or removal, after the last level)
/// commit together: across replicas each level is raised exactly once, and a crash before commit leaves the
/// timer due for the next sweep. Acknowledging deletes the timer first, so an acknowledgement and a sweep of
/// the same chain run one after the other. One timer per transaction keeps the address locks of one
/// escalation at a time, so two sweepers never wait on each other's locks.
/// </summary>
public sealed partial class EscalationSweeper(IServiceScopeFactory scopes, TimeProvider time, ILogger<EscalationSweeper> logger)
{
    /// <summary>Escalates up to <paramref name="limit"/> due timers; returns the alerts raised and the deliveries they queued.</summary>
    public async Task<(IReadOnlyList<Alert> Raised, int Queued)> SweepAsync(int limit, CancellationToken cancellationToken)
    {
        var raised = new List<Alert>();
        var queued = 0;
        for (var i = 0; i < limit; i++)
        {
            var (found, alert, deliveries) = await EscalateNextAsync(cancellationToken);
            if (!found)
            {
                break;
            }

            if (alert is not null)
            {
                raised.Add(alert);
            }

            queued += deliveries;
        }

        return (raised, queued);
    }

    private async Task<(bool Found, Alert? Raised, int Queued)> EscalateNextAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var timer = await db.EscalationTimers.FromSql($"""
            SELECT * FROM escalation_timers
            WHERE due_at <= {now}
            ORDER BY due_at
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """).SingleOrDefaultAsync(cancellationToken);
        if (timer is null)
        {
            return (false, null, 0);
        }

        var rule = await db.Rules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == timer.RuleId, cancellationToken);
        var chain = await db.Alerts.AsNoTracking().Where(a => a.ChainId == timer.ChainId).ToListAsync(cancellationToken);
        var first = chain.SingleOrDefault(a => a.Id == timer.ChainId);
        var current = chain.SingleOrDefault(a => a.Id == timer.CurrentAlertId);
        // A deleted rule, a shortened ladder or an acknowledged chain ends the escalation.
        if (rule is null || rule.DeletedAt is not null || timer.NextLevel > rule.Escalation.Count || first is null || current is null
            || chain.Any(a => a.AcknowledgedAt is not null))
        {
            db.EscalationTimers.Remove(timer);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (true, null, 0);
        }

        var level = rule.Escalation[timer.NextLevel - 1];
        var escalated = new Alert
        {
            Id = Guid.CreateVersion7(),
            Kind = first.Kind,
            CaseId = first.CaseId,
            RecipientRole = AlertRecorder.RecipientRole(level.ScopeKind, level.ScopeValue),
            RecipientId = level.ScopeKind == RuleScopes.Person ? level.ScopeValue : null,
            TeamId = level.ScopeKind == RuleScopes.Team ? level.ScopeValue : first.TeamId,
            Severity = first.Severity,
            Title = EscalationComposer.TitleEn(timer.NextLevel, first.Title),
            TitleZh = EscalationComposer.TitleZh(timer.NextLevel, first.TitleZh ?? first.Title),
            Channel = level.Channel,
            RuleId = rule.Id,
            SourceEventId = first.SourceEventId,
            CorrelationId = first.CorrelationId,
            CreatedAt = now,
            EscalationLevel = timer.NextLevel,
            EscalatedFromId = current.Id,
            ChainId = first.Id,
        };
        db.Alerts.Add(escalated);

        await scope.ServiceProvider.GetRequiredService<NoiseControl>().LockAddressesAsync(level.EmailTo, cancellationToken);
        var data = timer.EventData.RootElement.Clone();
        var content = new AlertContent(
            timer.EventType, data, timer.EventId, first.CorrelationId, timer.OccurredAt, rule.EmailLanguage,
            EscalationComposer.Body(rule.RenderEmailBody(timer.EventType, data), first, escalated));
        var queued = await scope.ServiceProvider.GetRequiredService<AlertRecorder>()
            .QueueAsync(escalated, rule, level.Channel, level.EmailTo, level.WebhookUrl, content, now, cancellationToken);

        await FeedNotifier.NotifyAsync(db, [escalated], cancellationToken);
        if (timer.NextLevel < rule.Escalation.Count)
        {
            timer.DueAt = now + TimeSpan.FromSeconds(rule.Escalation[timer.NextLevel].AfterSeconds);
            timer.CurrentAlertId = escalated.Id;
            timer.NextLevel++;
        }
        else
        {
            db.EscalationTimers.Remove(timer);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogEscalated(first.Id, escalated.EscalationLevel, escalated.Id);
        return (true, escalated, queued);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {ChainId} was not acknowledged: escalated to level {Level} as alert {AlertId}")]
    private partial void LogEscalated(Guid chainId, int level, Guid alertId);
}
