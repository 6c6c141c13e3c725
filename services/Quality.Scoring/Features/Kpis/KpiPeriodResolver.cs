using Quality.Scoring.Features.LiveKpis;
using Quality.ServiceDefaults.Errors;

namespace Quality.Scoring.Features.Kpis;

/// <summary>
/// Turns the API's <c>period</c> or <c>from</c>/<c>to</c> into an interval. Calendar periods (the current day,
/// ISO week from Monday, month) start at local midnight in the organisation's time zone
/// (<c>Scoring:TimeZone</c>, an IANA or Windows id, default UTC); rolling ones are the live windows' buckets
/// ending with the one that holds now (see <see cref="LiveWindow"/>), so Redis and PostgreSQL answer the same interval.
/// </summary>
public sealed class KpiPeriodResolver
{
    public const string TimeZoneKey = "Scoring:TimeZone";

    /// <summary>The named periods, in the order error messages list them.</summary>
    public static readonly IReadOnlyList<string> Names = ["day", "week", "month", "last_hour", "last_24h"];

    private readonly TimeProvider _time;

    public KpiPeriodResolver(IConfiguration configuration, TimeProvider time)
    {
        _time = time;
        var id = configuration[TimeZoneKey];
        try
        {
            TimeZone = string.IsNullOrWhiteSpace(id) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new InvalidOperationException($"{TimeZoneKey}: unknown time zone '{id}'", e);
        }
    }

    public TimeZoneInfo TimeZone { get; }

    public KpiPeriod Resolve(string? period, DateTimeOffset? from, DateTimeOffset? to) => Resolve(period, from, to, _time.GetUtcNow());

    public KpiPeriod Resolve(string? period, DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now)
    {
        if (!string.IsNullOrEmpty(period))
        {
            if (from is not null || to is not null)
            {
                throw new RequestValidationException("period", "give either a period or from and to, not both");
            }

            return Named(period.Trim().ToLowerInvariant(), now);
        }

        if (from is null && to is null)
        {
            return Named("day", now);
        }

        if (from is null)
        {
            throw new RequestValidationException("from", "from is required with to");
        }

        if (to is null)
        {
            throw new RequestValidationException("to", "to is required with from");
        }

        return to <= from
            ? throw new RequestValidationException("to", "to must be after from")
            : new KpiPeriod(from.Value, to.Value);
    }

    private KpiPeriod Named(string period, DateTimeOffset now)
    {
        var today = TimeZoneInfo.ConvertTime(now, TimeZone).Date;
        return period switch
        {
            "last_hour" => LiveWindow.LastHour.EndingAt(now),
            "last_24h" => LiveWindow.Last24Hours.EndingAt(now),
            "day" => Calendar(today, today.AddDays(1), period),
            "week" => Calendar(today.AddDays(-(((int)today.DayOfWeek + 6) % 7)), today.AddDays(-(((int)today.DayOfWeek + 6) % 7) + 7), period),
            "month" => Calendar(new DateTime(today.Year, today.Month, 1), new DateTime(today.Year, today.Month, 1).AddMonths(1), period),
            _ => throw new RequestValidationException("period", $"unknown period '{period}'; use day, week, month, last_hour or last_24h"),
        };
    }

    private KpiPeriod Calendar(DateTime localStart, DateTime localEnd, string name) =>
        new(Local(localStart), Local(localEnd), name);

    /// <summary>A local wall-clock time as an instant; a midnight skipped by a DST change moves to the first valid minute.</summary>
    private DateTimeOffset Local(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (TimeZone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(1);
        }

        return new DateTimeOffset(unspecified, TimeZone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}
