using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quality.Notifications.Features.Alerts;
using Quality.Notifications.Features.Rules;
using Quality.Notifications.Infrastructure;

namespace Quality.Notifications.Features.Feed;

/// <summary>
/// Announces new in-app alerts to every replica's feed with <c>pg_notify</c>, inside the transaction that
/// stores them: PostgreSQL delivers a notification only when (and if) its transaction commits, so a listener
/// never hears of an alert that was rolled back, nor before it can be read.
/// </summary>
public static class FeedNotifier
{
    public const string Channel = "notifications_feed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Call inside the transaction that adds <paramref name="alerts"/> (saved or not yet). One statement for them all.</summary>
    public static async Task NotifyAsync(NotificationsDbContext db, IEnumerable<Alert> alerts, CancellationToken cancellationToken)
    {
        var payloads = alerts
            .Where(a => a.Channel == RuleChannels.InApp && a.DuplicateOf is null)
            .Select(a => JsonSerializer.Serialize(FeedAlert.From(a), Json))
            .ToArray();
        if (payloads.Length == 0)
        {
            return;
        }

        // In the alerts' order: a volatile output column is evaluated after ORDER BY's sort.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT pg_notify({Channel}, p) FROM unnest({payloads}) WITH ORDINALITY AS t(p, n) ORDER BY n", cancellationToken);
    }

    public static FeedAlert? Parse(string payload) => JsonSerializer.Deserialize<FeedAlert>(payload, Json);
}
