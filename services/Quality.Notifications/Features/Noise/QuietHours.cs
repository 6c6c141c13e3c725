namespace Quality.Notifications.Features.Noise;

/// <summary>
/// A recipient's nightly quiet period, <see cref="Start"/> inclusive to <see cref="End"/> exclusive, on the
/// wall clock of <see cref="Zone"/>; it may run over midnight (22:00–07:00). Daylight-saving changes are
/// honoured: an end that falls into a skipped hour moves to the first moment after it.
/// </summary>
public sealed record QuietHours(TimeZoneInfo Zone, TimeOnly Start, TimeOnly End)
{
    /// <summary>When the quiet period that <paramref name="now"/> falls in ends; null if <paramref name="now"/> is not quiet.</summary>
    public DateTimeOffset? EndIfWithin(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Zone).DateTime;
        var time = TimeOnly.FromDateTime(local);
        var overnight = Start > End;
        var inside = overnight ? time >= Start || time < End : time >= Start && time < End;
        if (!inside)
        {
            return null;
        }

        var endDay = DateOnly.FromDateTime(local);
        if (overnight && time >= Start)
        {
            endDay = endDay.AddDays(1);
        }

        return Instant(endDay.ToDateTime(End));
    }

    private DateTimeOffset Instant(DateTime local)
    {
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        // A wall time that happens twice (clocks going back) is taken at its first occurrence: the larger offset.
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        // In UTC: PostgreSQL's timestamptz (through Npgsql) takes no other offset.
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
