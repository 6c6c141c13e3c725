namespace Quality.Web.Features.Queue;

/// <summary>The queue in order, and whether Routing holds more cases than were asked for.</summary>
public sealed record QueuePage(IReadOnlyList<QueueItem> Items, bool Truncated);
