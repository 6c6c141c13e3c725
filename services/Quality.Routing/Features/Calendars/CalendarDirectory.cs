using Microsoft.EntityFrameworkCore;
using Quality.Routing.Features.Access;
using Quality.Routing.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Routing.Features.Calendars;

/// <summary>
/// Business calendars, changed by admins and read by anyone. A change applies to clock segments that start
/// after it; deadlines already armed keep the calendar they were computed on.
/// </summary>
public sealed class CalendarDirectory(RoutingDbContext db, TimeProvider time)
{
    private static readonly DateTimeOffset EarliestInstant = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestInstant = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<BusinessCalendar> UpsertAsync(Caller caller, CalendarDraft draft, CancellationToken cancellationToken)
    {
        var (hours, holidays) = draft.Parse();
        AccessRules.EnsureAdmin(caller, "change business calendars");

        var calendar = await db.Calendars.FirstOrDefaultAsync(c => c.Id == draft.CalendarId, cancellationToken);
        if (calendar is null)
        {
            calendar = new BusinessCalendar { Id = draft.CalendarId, Name = "", TimeZone = "" };
            db.Calendars.Add(calendar);
        }

        calendar.Name = draft.Name.Trim().Length > 0 ? draft.Name.Trim() : draft.CalendarId;
        calendar.TimeZone = draft.TimeZone.Trim();
        calendar.Hours = hours;
        calendar.Holidays = holidays;
        calendar.UpdatedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.Entry(calendar).State == EntityState.Added)
        {
            throw new ConflictException($"Calendar '{draft.CalendarId}' was created concurrently; retry to update it.");
        }

        return calendar;
    }

    public async Task<BusinessCalendar> GetAsync(string calendarId, CancellationToken cancellationToken) =>
        await db.Calendars.AsNoTracking().FirstOrDefaultAsync(c => c.Id == calendarId, cancellationToken)
        ?? throw new NotFoundException($"Calendar '{calendarId}' (calendar_id) does not exist.");

    /// <summary>Whether <paramref name="calendarId"/> is open at <paramref name="at"/> and when that next changes; no caller check, calendars are not secret.</summary>
    public async Task<CalendarState> StateAsync(string calendarId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.RequireId("calendar_id", calendarId);
        // Bounded so that the look-ahead from it stays a valid date.
        errors.Check("at", at is not null, "is required: the instant asked about");
        errors.Check("at", at is null || (at >= EarliestInstant && at < LatestInstant), $"must be between {EarliestInstant:yyyy-MM-dd} and {LatestInstant:yyyy-MM-dd}");
        errors.ThrowIfAny();
        var calendar = await GetAsync(calendarId, cancellationToken);
        return calendar.Clock().StateAt(at!.Value);
    }

    public Task<List<BusinessCalendar>> ListAsync(CancellationToken cancellationToken) =>
        db.Calendars.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
}
