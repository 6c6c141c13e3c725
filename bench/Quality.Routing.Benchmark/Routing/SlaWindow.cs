using System.Globalization;

namespace Quality.Routing.Benchmark.Routing;

/// <summary>
/// A UTC calendar whose working time starts at <see cref="Opens"/>, a whole minute a little ahead. Cases opened
/// before then start their business-time clocks at the opening (docs/sla.md: "started outside working hours, the
/// count begins at the next opening"), so every first-response timer of the stage falls due at the same instant,
/// <c>Opens + goal</c> (its warning at <c>Opens + 0.8 × goal</c>), however long opening them took. That is the
/// sweeper's worst case: the whole backlog due at once.
/// </summary>
public sealed record SlaWindow(DateTimeOffset Opens, IReadOnlyList<SlaWindow.Period> Hours)
{
    public sealed record Period(string Day, string Start, string End);

    /// <summary>
    /// Opens at the first whole minute at least <paramref name="lead"/> (at most 12 h) after <paramref name="now"/>.
    /// Every other weekday is worked all day; the opening day is worked from the opening to midnight; when the
    /// opening is tomorrow, today is not worked at all, so nothing counts before the opening.
    /// </summary>
    public static SlaWindow Plan(DateTimeOffset now, TimeSpan lead)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lead, TimeSpan.FromHours(12));
        var utcNow = now.ToUniversalTime();
        var earliest = utcNow + lead;
        var opens = new DateTimeOffset(earliest.Year, earliest.Month, earliest.Day, earliest.Hour, earliest.Minute, 0, TimeSpan.Zero);
        if (opens < earliest)
        {
            opens = opens.AddMinutes(1);
        }

        var hours = new List<Period>();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            if (day == opens.DayOfWeek)
            {
                hours.Add(new Period(Name(day), opens.ToString("HH:mm", CultureInfo.InvariantCulture), "24:00"));
            }
            else if (day != utcNow.DayOfWeek)
            {
                hours.Add(new Period(Name(day), "00:00", "24:00"));
            }
        }

        return new SlaWindow(opens, hours);
    }

    private static string Name(DayOfWeek day) => day.ToString().ToLowerInvariant();
}
