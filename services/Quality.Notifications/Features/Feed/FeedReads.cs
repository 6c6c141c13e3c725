using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Notifications.Features.Alerts;
using Quality.Notifications.Features.Rules;
using Quality.Notifications.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Notifications.Features.Feed;

/// <summary>A person's unread count and marking alerts read: their in-app alerts of the last <see cref="FeedOptions.UnreadWindow"/>.</summary>
public sealed class FeedReads(NotificationsDbContext db, IOptions<FeedOptions> options, TimeProvider time)
{
    public const int MaxIds = 500;
    private const int MaxMarkAll = 10_000;

    public Task<int> UnreadCountAsync(Recipient reader, CancellationToken cancellationToken) =>
        Unread(reader).CountAsync(cancellationToken);

    /// <summary>
    /// Marks <paramref name="alertIds"/> (each must be an alert in the reader's feed) or, with <paramref name="all"/>,
    /// every unread one, as read by the reader; marking twice is harmless. Returns the new unread count.
    /// </summary>
    public async Task<int> MarkReadAsync(Recipient reader, IReadOnlyList<string> alertIds, bool all, CancellationToken cancellationToken)
    {
        if (alertIds.Count == 0 && !all)
        {
            throw new RequestValidationException("alertIds", "must list at least one alert id, or set all");
        }

        if (alertIds.Count > MaxIds)
        {
            throw new RequestValidationException("alertIds", $"must list at most {MaxIds} ids");
        }

        var errors = new Dictionary<string, string[]>();
        var ids = new List<Guid>();
        for (var i = 0; i < alertIds.Count; i++)
        {
            if (Guid.TryParse(alertIds[i], out var id))
            {
                ids.Add(id);
            }
            else
            {
                errors[$"alertIds[{i}]"] = ["must be a UUID"];
            }
        }

        var mine = await InApp().Where(a => ids.Contains(a.Id)).Where(reader.Addressed()).Select(a => a.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < alertIds.Count; i++)
        {
            if (Guid.TryParse(alertIds[i], out var id) && !mine.Contains(id))
            {
                errors[$"alertIds[{i}]"] = ["is not an alert in your feed"];
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        if (all)
        {
            mine.AddRange(await Unread(reader).OrderBy(a => a.CreatedAt).Select(a => a.Id).Take(MaxMarkAll).ToListAsync(cancellationToken));
        }

        var distinct = mine.Distinct().ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO alert_reads (subject, alert_id, read_at)
            SELECT {reader.Subject}, id, {time.GetUtcNow()} FROM unnest({distinct}) AS id
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        return await UnreadCountAsync(reader, cancellationToken);
    }

    private IQueryable<Alert> InApp() =>
        db.Alerts.AsNoTracking().Where(a => a.Channel == RuleChannels.InApp && a.DuplicateOf == null);

    private IQueryable<Alert> Unread(Recipient reader)
    {
        var since = time.GetUtcNow() - options.Value.UnreadWindow;
        var subject = reader.Subject;
        return InApp().Where(a => a.CreatedAt >= since).Where(reader.Addressed())
            .Where(a => !db.AlertReads.Any(r => r.Subject == subject && r.AlertId == a.Id));
    }
}
