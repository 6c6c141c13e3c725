using Quality.Routing.Grpc;

namespace Quality.Web.Features.Queue;

/// <summary>A case in the queue with the SLA deadline it runs against next (Routing's <c>sla_due_at</c>; null: no running clock with a goal).</summary>
public sealed record QueueItem(Case Case, DateTimeOffset? DueAt)
{
    public bool Breached => Case.SlaBreached;

    /// <summary>Most urgent first: priority 1 before 4, then the nearest deadline (none last), then the oldest.</summary>
    public static IReadOnlyList<QueueItem> Order(IEnumerable<QueueItem> items) =>
    [
        .. items
            .OrderBy(i => i.Case.Priority is >= 1 and <= 4 ? i.Case.Priority : int.MaxValue)
            .ThenBy(i => i.DueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(i => i.Case.OpenedAt?.ToDateTimeOffset() ?? DateTimeOffset.MaxValue)
            .ThenBy(i => i.Case.CaseId, StringComparer.Ordinal),
    ];
}
