using System.Text.Json;
using Quality.LoadGenerator.Traffic;

namespace Quality.LoadGenerator.Demo;

/// <summary>
/// What the demo needs beyond the agents (<see cref="Agents.AgentPool.SetUpAsync"/>): goals for the goals view and an
/// in-app alert rule so the admin's alerts view fills. Idempotent: a demo started again on the same data directory
/// finds them and adds nothing.
/// </summary>
public static class DemoSetup
{
    public const string AlertRuleName = "Demo: urgent new cases";

    /// <summary>Organisation goals on metrics the simulated agents and customers move within a minute.</summary>
    internal static readonly (string Metric, double Target)[] Goals =
    [
        ("csat_percent", 85),
        ("first_response_time_p50", 30),
        ("sla_compliance_percent", 95),
    ];

    public static async Task EnsureGoalsAsync(HttpClient scoring, TimeProvider time, CancellationToken ct)
    {
        var open = await QualityHttp.SendAsync(scoring, HttpMethod.Get, "api/goals?scope=org&state=open", null, ct).ConfigureAwait(false);
        var existing = open.EnumerateArray().Select(g => g.GetProperty("metric").GetString()).ToHashSet();
        foreach (var (metric, target) in Goals.Where(g => !existing.Contains(g.Metric)))
        {
            await QualityHttp.SendAsync(scoring, HttpMethod.Post, "api/goals", new
            {
                metric,
                target,
                scope = "org",
                deadline = time.GetUtcNow().AddDays(7),
            }, ct).ConfigureAwait(false);
        }
    }

    public static async Task EnsureAlertRuleAsync(HttpClient notifications, CancellationToken ct)
    {
        var rules = await QualityHttp.SendAsync(notifications, HttpMethod.Get, "api/rules", null, ct).ConfigureAwait(false);
        if (rules.EnumerateArray().Any(r => r.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() == AlertRuleName))
        {
            return;
        }

        // Priority 1-2 cases (severity 3-4 in Notifications' terms): a few a minute at the demo's rate.
        await QualityHttp.SendAsync(notifications, HttpMethod.Post, "api/rules", new
        {
            name = AlertRuleName,
            eventTypes = new[] { "CaseOpened" },
            minSeverity = 3,
            scope = new { kind = "role", value = "admin" },
            channel = "in_app",
            templates = new
            {
                zh = "新的紧急案件 {caseId}（优先级 {priority}，{category}）",
                en = "Urgent new case {caseId} (priority {priority}, {category})",
            },
        }, ct).ConfigureAwait(false);
    }
}
