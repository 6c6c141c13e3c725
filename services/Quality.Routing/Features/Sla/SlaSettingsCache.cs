using Microsoft.EntityFrameworkCore;
using Quality.Routing.Infrastructure;
using System.Data;

namespace Quality.Routing.Features.Sla;

/// <summary>
/// Keeps the latest <see cref="SlaSettings"/> in memory for every request of this replica. Opening a case
/// used to read the policies and its calendar from the database each time (two round trips); now it reads
/// only the version, usually in a statement it sends anyway, and reloads when another transaction (on any
/// replica) has committed a change since. A reader therefore sees every change committed before its own read
/// of the version, exactly as when it read the tables, with no propagation delay to document.
/// </summary>
public sealed class SlaSettingsCache(IServiceScopeFactory scopes)
{
    private SlaSettings _latest = SlaSettings.None;

    /// <summary>The version as a statement of the caller's transaction reads it.</summary>
    public const string VersionSql = """SELECT version AS "Value" FROM sla_settings_version WHERE id = 1""";

    /// <summary>Settings at least as new as <paramref name="version"/>, loaded if the cached ones are older.</summary>
    public async Task<SlaSettings> AtLeastAsync(long version, CancellationToken cancellationToken)
    {
        var latest = Volatile.Read(ref _latest);
        return latest.Version >= version ? latest : await LoadAsync(cancellationToken);
    }

    /// <summary>
    /// Reads the version, the enabled policies and every calendar from one snapshot (a repeatable-read
    /// transaction of its own), so they agree; keeps the result unless a newer one got there first.
    /// </summary>
    public async Task<SlaSettings> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var version = await db.Database.SqlQueryRaw<long>(VersionSql)
            .SingleAsync(cancellationToken);
        var policies = await db.SlaPolicies.AsNoTracking().Where(p => p.Enabled).OrderBy(p => p.Rank).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var calendars = await db.Calendars.AsNoTracking().ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var loaded = new SlaSettings(version, policies, calendars.ToDictionary(c => c.Id, c => c.Clock()));
        var seen = Volatile.Read(ref _latest);
        while (seen.Version < loaded.Version)
        {
            var swapped = Interlocked.CompareExchange(ref _latest, loaded, seen);
            if (ReferenceEquals(swapped, seen))
            {
                return loaded;
            }

            seen = swapped;
        }

        return seen.Version >= loaded.Version ? seen : loaded;
    }
}
