using Quality.Notifications.Grpc;

namespace Quality.Web.Features.Alerts;

/// <summary>
/// The alerts a page shows, newest first, at most <see cref="Limit"/>: what was read, what the feed brought and
/// what an acknowledgement changed, each alert once (the feed may repeat one the read already had).
/// </summary>
public sealed class AlertList
{
    public const int Limit = 100;

    private readonly Dictionary<string, Alert> _byId = new(StringComparer.Ordinal);

    public IReadOnlyList<Alert> Items => [.. _byId.Values.OrderByDescending(a => a.CreatedAt?.ToDateTimeOffset() ?? DateTimeOffset.MinValue).ThenByDescending(a => a.AlertId, StringComparer.Ordinal)];

    /// <summary>Replaces everything with a fresh read.</summary>
    public void Reset(IEnumerable<Alert> alerts)
    {
        _byId.Clear();
        foreach (var alert in alerts)
        {
            Put(alert);
        }
    }

    /// <summary>Adds or updates one alert (a newer state of a known one replaces it); the oldest fall off past the limit.</summary>
    public void Put(Alert alert)
    {
        _byId[alert.AlertId] = alert;
        if (_byId.Count > Limit)
        {
            foreach (var old in _byId.Values.OrderBy(a => a.CreatedAt?.ToDateTimeOffset() ?? DateTimeOffset.MinValue).Take(_byId.Count - Limit).ToList())
            {
                _byId.Remove(old.AlertId);
            }
        }
    }

    /// <summary>
    /// The title in the person's language: Chinese when the UI is Chinese and the alert has one.
    /// </summary>
    public static string Title(Alert alert, string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && alert.TitleZh.Length > 0 ? alert.TitleZh : alert.Title;
}
