using Microsoft.EntityFrameworkCore;
using Quality.Intake.Infrastructure;

namespace Quality.Intake.Features.Privacy;

/// <summary>
/// After a key rotation, moves contact data written under older keys to the active one (and recomputes its
/// lookup hashes), a batch per transaction. Once it reports nothing left, the old key can be removed.
/// </summary>
public sealed class PiiReEncryptor(IServiceScopeFactory scopes, PiiProtector pii, TimeProvider time)
{
    private const int BatchSize = 500;

    public async Task<int> ReEncryptAsync(string actor, CancellationToken cancellationToken)
    {
        var active = pii.ActiveKeyId ?? throw new Quality.ServiceDefaults.Errors.ConflictException("No PII key is configured (Intake:Pii).");
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            var items = await db.Feedback.Where(f => f.PiiKeyId != null && f.PiiKeyId != active).OrderBy(f => f.Id).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var item in items)
            {
                pii.Protect(item, pii.Reveal(item)!);
            }

            total += items.Count;
            if (items.Count < BatchSize)
            {
                db.AuditLog.Add(new AuditEntry
                {
                    Id = Guid.CreateVersion7(),
                    At = time.GetUtcNow(),
                    Actor = actor,
                    Action = "pii.re-encrypt",
                    Subject = $"key:{active}",
                    Details = $"{total} feedback items re-encrypted",
                });
                await db.SaveChangesAsync(cancellationToken);
                return total;
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
