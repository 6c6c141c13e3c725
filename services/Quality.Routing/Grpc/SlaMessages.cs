using Google.Protobuf.WellKnownTypes;
using Quality.Routing.Features.Calendars;
using Quality.Routing.Features.Sla;
using CalendarEntity = Quality.Routing.Features.Calendars.BusinessCalendar;
using CalendarStateValue = Quality.Routing.Features.Calendars.CalendarState;
using ClockEntity = Quality.Routing.Features.Sla.SlaClock;
using PolicyEntity = Quality.Routing.Features.Sla.SlaPolicy;
using SlaEntryEntity = Quality.Routing.Features.Sla.SlaTimelineEntry;

namespace Quality.Routing.Grpc;

/// <summary>Calendars, policies and SLA clocks to and from their gRPC messages.</summary>
internal static class SlaMessages
{
    public static BusinessCalendar ToMessage(this CalendarEntity c) => new()
    {
        CalendarId = c.Id,
        Name = c.Name,
        TimeZone = c.TimeZone,
        Hours =
        {
            c.Hours.Select(h => new WorkingPeriod
            {
                Day = CalendarDraft.DayName(h.Day),
                Start = CalendarDraft.TimeText(h.StartMinute),
                End = CalendarDraft.TimeText(h.EndMinute),
            }),
        },
        Holidays = { c.Holidays.Select(h => new Holiday { Date = h.Date.ToString("yyyy-MM-dd"), Name = h.Name }) },
    };

    public static CalendarState ToMessage(this CalendarStateValue s, string calendarId, Timestamp at) => new()
    {
        CalendarId = calendarId,
        At = at,
        Open = s.Open,
        NextChangeAt = s.NextChangeAt is { } next ? Timestamp.FromDateTimeOffset(next) : null,
    };

    public static CalendarDraft ToDraft(this UpsertCalendarRequest r) => new(
        r.CalendarId,
        r.Name,
        r.TimeZone,
        [.. r.Hours.Select(h => (h.Day, h.Start, h.End))],
        [.. r.Holidays.Select(h => (h.Date, h.Name))]);

    public static SlaPolicy ToMessage(this PolicyEntity p) => new()
    {
        PolicyId = p.Id,
        Name = p.Name,
        Rank = p.Rank,
        Enabled = p.Enabled,
        Condition = new SlaCondition
        {
            Priorities = { p.Priorities },
            Categories = { p.Categories },
            Channels = { p.Channels },
            CustomerTiers = { p.CustomerTiers },
            Languages = { p.Languages },
        },
        Targets =
        {
            p.Targets.Select(t => new SlaTargets
            {
                Priority = t.Priority,
                FirstResponse = ToDuration(t.FirstResponse),
                NextResponse = ToDuration(t.NextResponse),
                Resolution = ToDuration(t.Resolution),
            }),
        },
        WarningFraction = p.WarningFraction,
        CalendarId = p.CalendarId,
    };

    public static SlaPolicyDraft ToDraft(this UpsertSlaPolicyRequest r)
    {
        var condition = r.Condition ?? new SlaCondition();
        return new SlaPolicyDraft(
            r.PolicyId,
            r.Name,
            r.HasRank ? r.Rank : null,
            r.HasEnabled ? r.Enabled : null,
            condition.Priorities,
            condition.Categories,
            condition.Channels,
            condition.CustomerTiers,
            condition.Languages,
            [.. r.Targets.Select(t => new SlaTargetSet(t.Priority, t.FirstResponse?.ToTimeSpan(), t.NextResponse?.ToTimeSpan(), t.Resolution?.ToTimeSpan()))],
            r.HasWarningFraction ? r.WarningFraction : null,
            r.CalendarId);
    }

    public static CaseSla ToMessage(this CaseSlaView view) => new()
    {
        CaseId = view.Case.Id.ToString(),
        SlaPolicyId = view.Case.SlaPolicyId ?? "",
        Breached = view.Case.SlaBreachedAt is not null,
        Clocks = { view.Clocks.Select(c => c.Clock.ToMessage(c.Used)) },
        Timeline = { view.Entries.Select(e => e.ToMessage()) },
    };

    private static SlaClock ToMessage(this ClockEntity c, TimeSpan used) => new()
    {
        Target = c.Target.Name(),
        State = c.State.Name(),
        Goal = ToDuration(c.Goal),
        Used = Duration.FromTimeSpan(used),
        UsedMinutes = Math.Round(used.TotalMinutes, 2),
        DueAt = ToTimestamp(c.DueAt),
        WarnedAt = ToTimestamp(c.WarnedAt),
        BreachedAt = ToTimestamp(c.BreachedAt),
        CalendarId = c.CalendarId,
        Round = c.Round,
        WarningFraction = c.WarningFraction,
    };

    private static SlaTimelineEntry ToMessage(this SlaEntryEntity e) => new()
    {
        At = Timestamp.FromDateTimeOffset(e.At),
        Target = e.Target.Name(),
        Event = e.Event,
        Round = e.Round,
        UsedMinutes = Math.Round(e.Used.TotalMinutes, 2),
        SegmentMinutes = Math.Round(e.Segment?.TotalMinutes ?? 0, 2),
        Goal = ToDuration(e.Goal),
        DueAt = ToTimestamp(e.DueAt),
        Detail = e.Detail,
    };

    private static Duration? ToDuration(TimeSpan? value) => value is { } v ? Duration.FromTimeSpan(v) : null;

    private static Timestamp? ToTimestamp(DateTimeOffset? value) => value is { } v ? Timestamp.FromDateTimeOffset(v) : null;
}
