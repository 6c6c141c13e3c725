using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Features.Sla;

/// <summary>
/// Keeps the latest <see cref="SlaSettings"/> in memory for every request of this replica. Opening a case
/// used to read the policies and its calendar from the database each time (two round trips); now it reads
/// only the version, usually in a statement it sends anyway, and reloads when another transaction (on any
/// replica) has committed a change since. A reader therefore sees every change committed before its own read
/// of the version, exactly as when it read the tables, with no propagation delay to document.
/// </summary>
/// <remarks>
/// A reload is asked for by a request that already holds a connection of the service's pool in its transaction.
/// Had each such request taken a second connection from that pool, a policy change met by as many concurrent
/// requests as the pool has connections would leave all of them waiting for a second one until the pool's timeout
/// (seen in the tests: "the connection pool has been exhausted"). So one reload runs at a time, the others wait for
/// it and take its result, and it reads through a pool of its own that nobody else draws from.
/// </remarks>
public sealed class SlaSettingsCache(DbContextOptions<RoutingDbContext> serviceOptions) : IDisposable
{
    private readonly DbContextOptions<RoutingDbContext> _settingsOptions = SettingsOptions(serviceOptions);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private SlaSettings _latest = SlaSettings.None;

    /// <summary>The version as a statement of the caller's transaction reads it.</summary>
    public const string VersionSql = """SELECT version AS "Value" FROM sla_settings_version WHERE id = 1""";

    /// <summary>Settings at least as new as <paramref name="version"/>, loaded if the cached ones are older.</summary>
    public async Task<SlaSettings> AtLeastAsync(long version, CancellationToken cancellationToken)
    {
        var latest = Volatile.Read(ref _latest);
        return latest.Version >= version ? latest : await ReloadAsync(version, cancellationToken);
    }

    /// <summary>The settings as committed now (e.g. for a calendar created since the cached ones were read).</summary>
    public Task<SlaSettings> LoadAsync(CancellationToken cancellationToken) => ReloadAsync(atLeast: null, cancellationToken);

    public void Dispose() => _loading.Dispose();

    private async Task<SlaSettings> ReloadAsync(long? atLeast, CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            // Another request's reload, finished while this one waited, may already be new enough.
            var latest = Volatile.Read(ref _latest);
            return atLeast is { } version && latest.Version >= version ? latest : await ReadAsync(cancellationToken);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>
    /// Reads the version, the enabled policies and every calendar from one snapshot (a repeatable-read
    /// transaction of its own), so they agree; keeps the result unless a newer one got there first.
    /// </summary>
    private async Task<SlaSettings> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = new RoutingDbContext(_settingsOptions);
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var version = await db.Database.SqlQueryRaw<long>(VersionSql)
            .SingleAsync(cancellationToken);
        var policies = await db.SlaPolicies.AsNoTracking().Where(p => p.Enabled).OrderBy(p => p.Rank).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var calendars = await db.Calendars.AsNoTracking().ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Reloads take turns (ReloadAsync), so nothing else replaces the settings meanwhile.
        var loaded = new SlaSettings(version, policies, calendars.ToDictionary(c => c.Id, c => c.Clock()));
        var latest = Volatile.Read(ref _latest);
        if (latest.Version >= loaded.Version)
        {
            return latest;
        }

        Volatile.Write(ref _latest, loaded);
        return loaded;
    }

    /// <summary>
    /// The service's own context options (naming convention, interceptors) on a pool of its own: Npgsql keeps a pool per
    /// connection string, and this one differs in its application name. Only the one reload at a time draws from it.
    /// </summary>
    private static DbContextOptions<RoutingDbContext> SettingsOptions(DbContextOptions<RoutingDbContext> serviceOptions)
    {
        var connectionString = RelationalOptionsExtension.Extract(serviceOptions).ConnectionString
            ?? throw new InvalidOperationException("Routing's database has no connection string.");
        var settings = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "routing-sla-settings", MaxPoolSize = 2 };
        return new DbContextOptionsBuilder<RoutingDbContext>(serviceOptions).UseNpgsql(settings.ConnectionString).Options;
    }
}
