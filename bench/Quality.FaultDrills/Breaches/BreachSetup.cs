using System.Globalization;
using System.Text.Json;
using Quality.LoadGenerator.Traffic;

namespace Quality.FaultDrills.Breaches;

/// <summary>
/// Makes every complaint of one drill breach its SLA within seconds, and alert once for it, so the drill also proves
/// that each breach fires once and is alerted once across the kill: an SLA policy matching only the drill's customer
/// tier (first response due after <see cref="FirstResponse"/> on a calendar open around the clock) and an in-app rule
/// for <c>SlaBreached</c>. Both are deleted when the drill ends; the calendar is shared by drills and kept.
/// </summary>
public sealed class BreachSetup : IAsyncDisposable
{
    public static readonly TimeSpan FirstResponse = TimeSpan.FromSeconds(5);

    private const string CalendarId = "drill-always-open";
    private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private readonly HttpClient _routing;
    private readonly HttpClient _notifications;
    private readonly string _policyId;

    private BreachSetup(HttpClient routing, HttpClient notifications, string runId, Guid ruleId)
    {
        _routing = routing;
        _notifications = notifications;
        _policyId = $"drill-{runId}";
        CustomerTier = $"drill-{runId}";
        RuleId = ruleId;
    }

    /// <summary>The tier the drill's complaints carry, which only this drill's policy matches.</summary>
    public string CustomerTier { get; }

    /// <summary>The rule whose alerts are this drill's breach alerts.</summary>
    public Guid RuleId { get; }

    public static async Task<BreachSetup> CreateAsync(DrillTarget target, string runId, CancellationToken ct)
    {
        var routing = QualityHttp.Create(target.ServiceUrls[Quality.Contracts.ResourceNames.Routing], target.Token, connections: 2);
        var notifications = QualityHttp.Create(target.ServiceUrls[Quality.Contracts.ResourceNames.Notifications], target.Token, connections: 2);
        try
        {
            await Send(routing, HttpMethod.Put, $"api/sla/calendars/{CalendarId}", new
            {
                name = "Fault drills: always open",
                timeZone = "UTC",
                hours = Days.Select(day => new { day, start = "00:00", end = "24:00" }),
            }, ct).ConfigureAwait(false);

            var rule = await Send(notifications, HttpMethod.Post, "api/rules", new
            {
                name = $"Fault drill {runId}: breaches",
                eventTypes = new[] { "SlaBreached" },
                minSeverity = 1,
                scope = new { kind = "role", value = "quality_manager" },
                channel = "in_app",
                templates = new { zh = "演练案件 {caseId} 已超时", en = "Drill case {caseId} breached its SLA" },
            }, ct).ConfigureAwait(false);
            var setup = new BreachSetup(routing, notifications, runId, rule.GetProperty("id").GetGuid());
            try
            {
                await setup.PutPolicyAsync(ct).ConfigureAwait(false);
            }
            catch
            {
                await setup.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            return setup;
        }
        catch (Exception e) when (e is IntakeException or HttpRequestException)
        {
            routing.Dispose();
            notifications.Dispose();
            throw new RunException($"setting up the drill's SLA policy and breach rule failed: {e.Message}");
        }
    }

    /// <summary>Rank 0 is tried before any other policy; resolution is far enough away that only first response breaches.</summary>
    private Task<JsonElement> PutPolicyAsync(CancellationToken ct) =>
        Send(_routing, HttpMethod.Put, $"api/sla/policies/{_policyId}", new
        {
            name = $"Fault drill {_policyId}",
            rank = 0,
            condition = new { customerTiers = new[] { CustomerTier } },
            targets = Enumerable.Range(1, 4).Select(priority => new
            {
                priority,
                firstResponse = string.Create(CultureInfo.InvariantCulture, $"{FirstResponse.TotalSeconds:0}s"),
                resolution = "86400s",
            }),
            calendarId = CalendarId,
        }, ct);

    public async ValueTask DisposeAsync()
    {
        // Clean-up: a failure is not the drill's result, and a left-over policy matches no one else's tier.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await TryAsync(() => Send(_routing, HttpMethod.Delete, $"api/sla/policies/{_policyId}", null, timeout.Token)).ConfigureAwait(false);
        await TryAsync(() => Send(_notifications, HttpMethod.Delete, $"api/rules/{RuleId}", null, timeout.Token)).ConfigureAwait(false);
        _routing.Dispose();
        _notifications.Dispose();
    }

    private static async Task TryAsync(Func<Task<JsonElement>> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IntakeException or HttpRequestException or OperationCanceledException)
        {
        }
    }

    private static Task<JsonElement> Send(HttpClient client, HttpMethod method, string path, object? body, CancellationToken ct) =>
        QualityHttp.SendAsync(client, method, path, body, ct);
}
