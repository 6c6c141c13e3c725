using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quality.Notifications.Features.Email;
using Quality.Notifications.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;

namespace Quality.Notifications.Features.Noise;

/// <summary>
/// Quiet hours per email address, a fixed nightly period or the closed hours of a Routing business calendar:
/// non-critical email to it waits for their end; critical email does not.
/// </summary>
public static class QuietHoursEndpoints
{
    private const int MaxCalendarIdLength = 100;

    public static void MapQuietHoursEndpoints(this IEndpointRouteBuilder app)
    {
        var quiet = app.MapGroup("/api/recipients/{address}/quiet-hours").WithTags("Quiet hours").RequireAuthorization(Policies.QualityManager);
        quiet.MapPut("/", PutAsync);
        quiet.MapGet("/", GetAsync);
        quiet.MapDelete("/", DeleteAsync);
    }

    /// <summary>
    /// Sets either a fixed period or a business calendar, replacing whichever was there. A calendar is checked
    /// with Routing first: an unknown one is refused, and if Routing cannot be asked nothing is stored (503).
    /// </summary>
    private static async Task<Results<Ok<QuietHoursResponse>, ProblemHttpResult>> PutAsync(
        string address, QuietHoursRequest request, NotificationsDbContext db, RoutingCalendars calendars, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var canonical = Canonical(address);
        if (canonical is null)
        {
            errors["address"] = ["is not an email address"];
        }

        var calendarId = request.CalendarId?.Trim();
        var window = request.CalendarId is null ? ParseWindow(request, errors) : null;
        if (request.CalendarId is not null)
        {
            if (request.TimeZone is not null || request.Start is not null || request.End is not null)
            {
                errors["calendarId"] = ["give either calendarId or timeZone, start and end, not both"];
            }
            else if (calendarId!.Length is 0 or > MaxCalendarIdLength || calendarId.Any(char.IsWhiteSpace))
            {
                errors["calendarId"] = [$"must be the id of a Routing business calendar (1 to {MaxCalendarIdLength} characters, no spaces)"];
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var now = time.GetUtcNow();
        if (calendarId is not null && await CheckCalendarAsync(calendars, calendarId, now, cancellationToken) is { } unavailable)
        {
            return unavailable;
        }

        var caller = CallerScope.From(http.User).Subject;
        var row = await db.QuietHours.SingleOrDefaultAsync(q => q.Address == canonical, cancellationToken);
        if (row is null)
        {
            row = new RecipientQuietHours { Address = canonical!, UpdatedBy = caller };
            db.QuietHours.Add(row);
        }

        if (window is { } w)
        {
            row.UseWindow(w.Zone, w.Start, w.End);
        }
        else
        {
            row.UseCalendar(calendarId!);
        }

        row.UpdatedBy = caller;
        row.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(QuietHoursResponse.From(row));
    }

    /// <summary>The fixed period's fields, each error added under its own name; null if any is invalid.</summary>
    private static (string Zone, TimeOnly Start, TimeOnly End)? ParseWindow(QuietHoursRequest request, Dictionary<string, string[]> errors)
    {
        var zone = request.TimeZone?.Trim() ?? "";
        var valid = true;
        if (zone.Length is 0 or > 100 || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            errors["timeZone"] = ["must be an IANA time zone such as Asia/Shanghai (or give calendarId instead)"];
            valid = false;
        }

        var start = ParseTime(request.Start);
        var end = ParseTime(request.End);
        if (start is null)
        {
            errors["start"] = ["must be a time HH:mm"];
            valid = false;
        }

        if (end is null)
        {
            errors["end"] = ["must be a time HH:mm"];
            valid = false;
        }
        else if (end == start)
        {
            errors["end"] = ["must differ from start"];
            valid = false;
        }

        return valid ? (zone, start!.Value, end!.Value) : null;
    }

    /// <summary>Null when Routing knows the calendar; throws naming <c>calendarId</c> when it does not; a 503 when it cannot be asked.</summary>
    private static async Task<ProblemHttpResult?> CheckCalendarAsync(RoutingCalendars calendars, string calendarId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await calendars.StateAsync(calendarId, now, fresh: true, cancellationToken);
            return null;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            throw new RequestValidationException("calendarId", $"'{calendarId}' is not a business calendar in Routing (see GET /api/sla/calendars there)");
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Routing is unavailable.",
                detail: $"Routing could not be asked whether calendar '{calendarId}' exists ({e.StatusCode}); nothing was stored. Try again.");
        }
    }

    private static async Task<QuietHoursResponse> GetAsync(string address, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var canonical = Canonical(address) ?? throw new RequestValidationException("address", "is not an email address");
        var row = await db.QuietHours.AsNoTracking().SingleOrDefaultAsync(q => q.Address == canonical, cancellationToken)
            ?? throw new NotFoundException($"{canonical} has no quiet hours.");
        return QuietHoursResponse.From(row);
    }

    private static async Task<IResult> DeleteAsync(string address, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var canonical = Canonical(address) ?? throw new RequestValidationException("address", "is not an email address");
        var deleted = await db.QuietHours.Where(q => q.Address == canonical).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? throw new NotFoundException($"{canonical} has no quiet hours.") : Results.NoContent();
    }

    private static string? Canonical(string address) => EmailAddresses.Canonical(address);

    private static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
