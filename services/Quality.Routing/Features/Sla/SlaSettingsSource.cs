using Microsoft.EntityFrameworkCore;
using Quality.Routing.Features.Calendars;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Features.Sla;

/// <summary>
/// The SLA settings one request (scope) works with: the cached <see cref="SlaSettings"/> at least as new as
/// the version this request read, fixed for the rest of the request as the per-request calendar cache was.
/// The version is read once, or handed over by a caller that read it in a statement of its own
/// (<see cref="Observe"/>), which saves the round trip.
/// </summary>
public sealed class SlaSettingsSource(RoutingDbContext db, SlaSettingsCache cache)
{
    private long? _version;
    private SlaSettings? _settings;

    /// <summary>The version as read in this request's transaction by someone else's statement.</summary>
    public void Observe(long version) => _version ??= version;

    public async Task<SlaSettings> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_settings is null)
        {
            _version ??= await db.Database.SqlQueryRaw<long>(SlaSettingsCache.VersionSql)
                .SingleAsync(cancellationToken);
            _settings = await cache.AtLeastAsync(_version.Value, cancellationToken);
        }

        return _settings;
    }

    /// <summary>
    /// A calendar by id. One missing from these settings was created after they were read (a clock another
    /// replica started on it): the settings are reloaded. Calendars are never deleted, so it is there then.
    /// </summary>
    public async Task<BusinessTime> CalendarAsync(string calendarId, CancellationToken cancellationToken)
    {
        if ((await CurrentAsync(cancellationToken)).Calendars.TryGetValue(calendarId, out var calendar))
        {
            return calendar;
        }

        _settings = await cache.LoadAsync(cancellationToken);
        return _settings.Calendars.TryGetValue(calendarId, out calendar)
            ? calendar
            : throw new InvalidOperationException($"Calendar '{calendarId}' does not exist.");
    }
}
