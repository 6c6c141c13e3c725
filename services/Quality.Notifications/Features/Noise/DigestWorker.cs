using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Rules;
using Quality.Notifications.Infrastructure;
using Quality.ServiceDefaults.Hosting;

namespace Quality.Notifications.Features.Noise;

/// <summary>
/// Folds each address's held emails into one digest when their throttle window ends. The held rows are
/// taken with <c>FOR UPDATE SKIP LOCKED</c> and turned into the digest delivery in one transaction, so across
/// replicas every held email is in exactly one digest, and a crash before commit leaves them held for the next sweep.
/// A digest is not critical: if the address is in its quiet hours, it waits for their end.
/// </summary>
public sealed partial class DigestWorker(
    IServiceScopeFactory scopes,
    DeliverySignal signal,
    IOptions<NoiseOptions> options,
    TimeProvider time,
    ILogger<DigestWorker> logger) : PeriodicSweeper("Digest", time, logger)
{
    /// <summary>Addresses looked at per round; a full round is followed by another at once.</summary>
    private const int BatchSize = 200;

    protected override TimeSpan Interval => options.Value.DigestPollInterval;

    protected override async Task<bool> SweepRoundAsync(CancellationToken cancellationToken)
    {
        var (made, due) = await SweepRoundCoreAsync(cancellationToken);
        if (made > 0)
        {
            signal.Notify();
        }

        return due == BatchSize;
    }

    /// <summary>Makes every due digest (up to <see cref="BatchSize"/> addresses); returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken) => (await SweepRoundCoreAsync(cancellationToken)).Made;

    private async Task<(int Made, int Due)> SweepRoundCoreAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        List<string> recipients;
        await using (var scope = scopes.CreateAsyncScope())
        {
            recipients = await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Deliveries.AsNoTracking()
                .Where(d => d.Status == DeliveryStatuses.Held && d.HoldUntil <= now)
                .Select(d => d.Recipient!).Distinct().Take(BatchSize)
                .ToListAsync(cancellationToken);
        }

        var made = 0;
        foreach (var recipient in recipients)
        {
            made += await DigestAsync(recipient, now, cancellationToken) ? 1 : 0;
        }

        return (made, recipients.Count);
    }

    private async Task<bool> DigestAsync(string recipient, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var noise = scope.ServiceProvider.GetRequiredService<NoiseControl>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var held = await db.Deliveries.FromSql($"""
            SELECT * FROM deliveries
            WHERE status = 'held' AND recipient = {recipient} AND hold_until <= {now}
            ORDER BY created_at
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (held.Count == 0)
        {
            return false;
        }

        var sendAt = await noise.QuietUntilAsync(recipient, now, cancellationToken);
        var digest = new Delivery
        {
            Id = Guid.CreateVersion7(),
            Kind = DeliveryKinds.Digest,
            Channel = RuleChannels.Email,
            Recipient = recipient,
            Subject = DigestComposer.Subject(held.Count),
            Payload = DigestComposer.Body(held, options.Value.ThrottleWindow),
            Status = DeliveryStatuses.Pending,
            NextAttemptAt = sendAt ?? now,
            Reason = sendAt is null ? null : NoiseDecision.QuietHoursReason,
            CreatedAt = now,
        };
        db.Deliveries.Add(digest);
        foreach (var delivery in held)
        {
            delivery.Status = DeliveryStatuses.Digested;
            delivery.DigestId = digest.Id;
            delivery.CompletedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogDigestQueued(held.Count, digest.Id);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Folded {Count} held emails into digest {DigestId}")]
    private partial void LogDigestQueued(int count, Guid digestId);
}
