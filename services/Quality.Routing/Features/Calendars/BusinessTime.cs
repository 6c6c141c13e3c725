namespace Quality.Routing.Features.Calendars;

/// <summary>
/// Business-time arithmetic on a calendar: which instants are working time, how much of it lies between two
/// instants, and when a given amount of it will have passed. Working periods are wall-clock times in the
/// calendar's zone, turned into real instants day by day, so a DST change shortens or lengthens the day's
/// work exactly as the clocks on the wall do. Pure: it never reads the current time.
/// </summary>
public sealed class BusinessTime
{
    /// <summary>How far ahead a deadline is looked for before the calendar is judged to have no working time.</summary>
    private const int MaxDaysAhead = 366 * 5;

    private readonly TimeZoneInfo _zone;
    private readonly WorkingPeriod[][] _byDay = new WorkingPeriod[7][];
    private readonly HashSet<DateOnly> _holidays;

    public BusinessTime(TimeZoneInfo zone, IEnumerable<WorkingPeriod> hours, IEnumerable<DateOnly> holidays)
    {
        _zone = zone;
        var periods = hours.ToList();
        for (var day = 0; day < 7; day++)
        {
            _byDay[day] = [.. periods.Where(p => (int)p.Day == day).OrderBy(p => p.StartMinute)];
        }

        _holidays = [.. holidays];
    }

    /// <summary>Working time inside [<paramref name="from"/>, <paramref name="to"/>); zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        from = from.ToUniversalTime();
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }

        foreach (var (start, end) in PeriodsFrom(from))
        {
            if (start >= to)
            {
                break;
            }

            total += (end < to ? end : to) - start;
        }

        return total;
    }

    /// <summary>
    /// The instant at which <paramref name="amount"/> of working time has passed since <paramref name="from"/>.
    /// Started outside working hours, the clock starts at the next opening; a deadline falls inside working time,
    /// never on the closing instant of a period when more time is left, and zero answers <paramref name="from"/>.
    /// </summary>
    public DateTimeOffset Add(DateTimeOffset from, TimeSpan amount)
    {
        // Instants come back in UTC, as PostgreSQL stores them.
        from = from.ToUniversalTime();
        if (amount <= TimeSpan.Zero)
        {
            return from;
        }

        var left = amount;
        foreach (var (start, end) in PeriodsFrom(from))
        {
            var length = end - start;
            if (left <= length)
            {
                return start + left;
            }

            left -= length;
        }

        throw new InvalidOperationException($"The calendar has no working time in the {MaxDaysAhead} days after {from:O}.");
    }

    /// <summary>Whether <paramref name="instant"/> is inside working time.</summary>
    public bool IsWorking(DateTimeOffset instant) => Between(instant, instant.AddTicks(1)) > TimeSpan.Zero;

    /// <summary>
    /// Whether <paramref name="instant"/> is working time, and when that next changes: the next closing if it is
    /// (periods that touch, such as 24:00 and the next day's 00:00, are one stretch), the next opening if not.
    /// No change within <see cref="MaxDaysAhead"/> days leaves <see cref="CalendarState.NextChangeAt"/> null.
    /// </summary>
    public CalendarState StateAt(DateTimeOffset instant)
    {
        instant = instant.ToUniversalTime();
        DateTimeOffset? closing = null;
        foreach (var (start, end) in PeriodsFrom(instant))
        {
            if (closing is null && start > instant)
            {
                return new CalendarState(false, start);
            }

            if (closing is not null && start > closing)
            {
                return new CalendarState(true, closing);
            }

            closing = closing > end ? closing : end;
        }

        // Open to the end of the look-ahead is open round the clock, not a closing 5 years away.
        return new CalendarState(closing is not null, null);
    }

    /// <summary>
    /// The working periods, as real instants, that end after <paramref name="from"/>, the first one clipped to
    /// start at it; in time order, for at most <see cref="MaxDaysAhead"/> days.
    /// </summary>
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> PeriodsFrom(DateTimeOffset from)
    {
        // Begin a day early: near a DST change or at a period ending 24:00, yesterday's last period may still be running.
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, _zone).DateTime).AddDays(-1);
        for (var i = 0; i <= MaxDaysAhead; i++, day = day.AddDays(1))
        {
            if (_holidays.Contains(day))
            {
                continue;
            }

            foreach (var period in _byDay[(int)day.DayOfWeek])
            {
                var start = ToInstant(day, period.StartMinute);
                var end = ToInstant(day, period.EndMinute);
                if (end <= from || end <= start)
                {
                    continue;
                }

                yield return (start < from ? from : start, end);
            }
        }
    }

    /// <summary>
    /// The real instant a wall clock in the zone shows <paramref name="minute"/> past midnight of <paramref name="day"/>.
    /// A time skipped by a spring-forward change maps to the first instant after the gap (02:30 on a day that jumps
    /// 02:00 → 03:00 is 03:00); a time shown twice at a fall-back change maps to its first showing.
    /// </summary>
    private DateTimeOffset ToInstant(DateOnly day, int minute)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minute);
        if (_zone.IsInvalidTime(local))
        {
            // Gaps are whole minutes (usually 60, 30 on Lord Howe Island); walk to the first wall time that exists.
            do
            {
                local = local.AddMinutes(1);
            }
            while (_zone.IsInvalidTime(local));

            return new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
        }

        var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
