using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Quality.Notifications.Features.Email;
using Quality.Notifications.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;

namespace Quality.Notifications.Features.Noise;

/// <summary>Quiet hours per email address: non-critical email to it waits for their end; critical email does not.</summary>
public static class QuietHoursEndpoints
{
    public static void MapQuietHoursEndpoints(this IEndpointRouteBuilder app)
    {
        var quiet = app.MapGroup("/api/recipients/{address}/quiet-hours").WithTags("Quiet hours").RequireAuthorization(Policies.QualityManager);
        quiet.MapPut("/", PutAsync);
        quiet.MapGet("/", GetAsync);
        quiet.MapDelete("/", DeleteAsync);
    }

    private static async Task<QuietHoursResponse> PutAsync(
        string address, QuietHoursRequest request, NotificationsDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var canonical = Canonical(address);
        if (canonical is null)
        {
            errors["address"] = ["is not an email address"];
        }

        var zone = request.TimeZone?.Trim() ?? "";
        if (zone.Length is 0 or > 100 || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            errors["timeZone"] = ["must be an IANA time zone such as Asia/Shanghai"];
        }

        var start = ParseTime(request.Start);
        var end = ParseTime(request.End);
        if (start is null)
        {
            errors["start"] = ["must be a time HH:mm"];
        }

        if (end is null)
        {
            errors["end"] = ["must be a time HH:mm"];
        }
        else if (end == start)
        {
            errors["end"] = ["must differ from start"];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var caller = CallerScope.From(http.User).Subject;
        var row = await db.QuietHours.SingleOrDefaultAsync(q => q.Address == canonical, cancellationToken);
        if (row is null)
        {
            row = new RecipientQuietHours { Address = canonical!, TimeZone = zone, UpdatedBy = caller };
            db.QuietHours.Add(row);
        }

        row.TimeZone = zone;
        row.Start = start!.Value;
        row.End = end!.Value;
        row.UpdatedBy = caller;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return QuietHoursResponse.From(row);
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
