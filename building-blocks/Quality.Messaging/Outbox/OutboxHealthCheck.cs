using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Quality.Messaging.Outbox;

/// <summary>
/// How far the outbox is behind: the events committed but not yet published, and how long the oldest has waited.
/// Past <see cref="OutboxOptions.DegradedAfter"/> the service reports Degraded: it still takes writes (so readiness
/// holds), but what it publishes is not reaching the other services, as when the relay cannot reach the broker.
/// </summary>
public sealed class OutboxHealthCheck<TDbContext>(TDbContext db, IOptions<OutboxOptions> options, TimeProvider time) : IHealthCheck
    where TDbContext : DbContext
{
    /// <summary>Counting stops here: a big import's backlog is "over this many", not a slow full count.</summary>
    internal const int CountLimit = 100_000;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Column names in snake case: the services' models use the snake-case naming convention, results included.
        var backlog = await db.Database.SqlQuery<OutboxBacklog>($"""
            SELECT (SELECT count(*) FROM (SELECT 1 FROM outbox_messages WHERE published_at IS NULL LIMIT {CountLimit + 1}) waiting)::int AS waiting,
                   (SELECT min(created_at) FROM outbox_messages WHERE published_at IS NULL) AS oldest_created_at
            """).SingleAsync(cancellationToken);
        return Assess(backlog, time.GetUtcNow(), options.Value.DegradedAfter);
    }

    internal static HealthCheckResult Assess(OutboxBacklog backlog, DateTimeOffset now, TimeSpan degradedAfter)
    {
        if (backlog.OldestCreatedAt is not { } oldest || backlog.Waiting == 0)
        {
            return HealthCheckResult.Healthy("no events waiting to be published");
        }

        var age = now - oldest < TimeSpan.Zero ? TimeSpan.Zero : now - oldest;
        var waiting = backlog.Waiting > CountLimit ? $"over {CountLimit:N0}" : backlog.Waiting.ToString("N0", CultureInfo.InvariantCulture);
        var data = new Dictionary<string, object> { ["waiting"] = backlog.Waiting, ["oldestAgeSeconds"] = Math.Round(age.TotalSeconds, 1) };
        var description = string.Create(CultureInfo.InvariantCulture, $"{waiting} events waiting to be published, the oldest for {age.TotalSeconds:0.#} s");
        return age > degradedAfter
            ? HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture,
                $"{description} (over {degradedAfter.TotalSeconds:0} s): the other services are not hearing of this one's changes; is RabbitMQ reachable?"), data: data)
            : HealthCheckResult.Healthy(description, data);
    }
}
