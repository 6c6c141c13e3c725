using System.Collections.Concurrent;
using Quality.Notifications.Features.Noise;

namespace Quality.Notifications.Tests.Infrastructure;

/// <summary>
/// Routing's business calendars as a test scripts them per calendar id: open or closed at an instant and the next
/// change, or Routing down for it. An unscripted calendar is not found.
/// </summary>
public sealed class FakeRouting
{
    private readonly ConcurrentDictionary<string, Func<DateTimeOffset, CalendarOpening>> _calendars = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _down = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    /// <summary>A calendar closed until <paramref name="opensAt"/> and open from then on.</summary>
    public void ClosedUntil(string calendarId, DateTimeOffset opensAt) =>
        _calendars[calendarId] = at => at < opensAt ? new CalendarOpening(false, opensAt) : new CalendarOpening(true, null);

    public void Answer(string calendarId, Func<DateTimeOffset, CalendarOpening> state) => _calendars[calendarId] = state;

    /// <summary>Routing answers "unavailable" for <paramref name="calendarId"/> while <paramref name="down"/>.</summary>
    public void Down(string calendarId, bool down = true) => _down[calendarId] = down;

    public int Calls(string calendarId) => _calls.GetValueOrDefault(calendarId);

    /// <summary>The state as Routing answers it; throws <see cref="RoutingDownException"/> when scripted to be down.</summary>
    public CalendarOpening? StateAt(string calendarId, DateTimeOffset at)
    {
        _calls.AddOrUpdate(calendarId, 1, (_, n) => n + 1);
        if (_down.GetValueOrDefault(calendarId))
        {
            throw new RoutingDownException();
        }

        return _calendars.TryGetValue(calendarId, out var state) ? state(at) : null;
    }
}
