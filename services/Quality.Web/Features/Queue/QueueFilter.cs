namespace Quality.Web.Features.Queue;

/// <summary>
/// What the queue shows: one status (empty: every open one), team, priority (0: any), breached and escalated
/// (null: any; escalated means climbing the ladder, not yet acknowledged).
/// </summary>
public sealed record QueueFilter(string Status = "", string Team = "", int Priority = 0, bool? Breached = null, bool? Escalated = null)
{
    /// <summary>The statuses of a case still being worked on, as Routing names them.</summary>
    public static readonly IReadOnlyList<string> OpenStatuses = ["open", "assigned", "pending_customer"];

    /// <summary>The statuses to ask Routing for: the chosen one if it is an open status, otherwise all of them.</summary>
    public IReadOnlyList<string> Statuses => OpenStatuses.Contains(Status) ? [Status] : OpenStatuses;

    /// <summary>Priority outside 1–4 (a crafted value) means any, as the control offers no other.</summary>
    public int ValidPriority => Priority is >= 1 and <= 4 ? Priority : 0;
}
