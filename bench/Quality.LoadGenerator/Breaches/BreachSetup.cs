using System.Globalization;
using System.Text.Json;
using Quality.LoadGenerator.Traffic;

namespace Quality.LoadGenerator.Breaches;

/// <summary>
/// Makes the complaints of one run that carry its own customer tier breach their SLA within seconds, and alerts each
/// breach once: an SLA policy matching only that tier (first response due after a few seconds on a calendar open around
/// the clock, tried before any other policy) and a rule for <c>SlaBreached</c>, in-app or to a webhook. The policy and
/// rule are deleted when the run ends; the calendar is shared by runs and kept.
/// </summary>
public sealed class BreachSetup : IAsyncDisposable
{
    public const string CalendarId = "bench-always-open";
    private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private readonly HttpClient _routing;
    private readonly HttpClient _notifications;

    private BreachSetup(HttpClient routing, HttpClient notifications, string name, TimeSpan firstResponse)
    {
        _routing = routing;
        _notifications = notifications;
        CustomerTier = name;
        FirstResponse = firstResponse;
    }

    /// <summary>The tier the run's breaching complaints carry, which only this run's policy matches (also the policy's id).</summary>
    public string CustomerTier { get; }

    public TimeSpan FirstResponse { get; }

    /// <summary>The rule whose alerts are this run's breach alerts.</summary>
    public Guid RuleId { get; private set; }

    /// <summary>The webhook rule's signing secret; empty for an in-app rule.</summary>
    public string WebhookSecret { get; private set; } = "";

    /// <param name="name">The run's name, e.g. <c>drill-1a2b3c</c>: the tier and the policy id.</param>
    /// <param name="webhook">Where the rule posts; null for an in-app rule.</param>
    public static async Task<BreachSetup> CreateAsync(
        Uri routingUrl, Uri notificationsUrl, string token, string name, TimeSpan firstResponse, Uri? webhook, CancellationToken ct)
    {
        var setup = new BreachSetup(
            QualityHttp.Create(routingUrl, token, connections: 2), QualityHttp.Create(notificationsUrl, token, connections: 2), name, firstResponse);
        try
        {
            await Send(setup._routing, HttpMethod.Put, $"api/sla/calendars/{CalendarId}", new
            {
                name = "Benchmarks and drills: always open",
                timeZone = "UTC",
                hours = Days.Select(day => new { day, start = "00:00", end = "24:00" }),
            }, ct).ConfigureAwait(false);

            var rule = await Send(setup._notifications, HttpMethod.Post, "api/rules", new
            {
                name = $"{name}: breaches",
                eventTypes = new[] { "SlaBreached" },
                minSeverity = 1,
                scope = new { kind = "role", value = "quality_manager" },
                channel = webhook is null ? "in_app" : "webhook",
                webhookUrl = webhook?.ToString(),
                templates = new { zh = "案件 {caseId} 已超时", en = "Case {caseId} breached its SLA" },
            }, ct).ConfigureAwait(false);
            setup.RuleId = rule.GetProperty("id").GetGuid();
            setup.WebhookSecret = rule.TryGetProperty("webhookSecret", out var secret) ? secret.GetString() ?? "" : "";

            // Rank 0 is tried before any other policy; resolution is far enough away that only first response breaches.
            await Send(setup._routing, HttpMethod.Put, $"api/sla/policies/{name}", new
            {
                name,
                rank = 0,
                condition = new { customerTiers = new[] { name } },
                targets = Enumerable.Range(1, 4).Select(priority => new
                {
                    priority,
                    firstResponse = string.Create(CultureInfo.InvariantCulture, $"{firstResponse.TotalSeconds:0.###}s"),
                    resolution = "86400s",
                }),
                calendarId = CalendarId,
            }, ct).ConfigureAwait(false);
            return setup;
        }
        catch (Exception e) when (e is IntakeException or HttpRequestException)
        {
            await setup.DisposeAsync().ConfigureAwait(false);
            throw new RunException($"setting up the SLA policy and breach rule for {name} failed: {e.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Clean-up: a failure is not the run's result, and a left-over policy matches no one else's tier.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await TryAsync(() => Send(_routing, HttpMethod.Delete, $"api/sla/policies/{CustomerTier}", null, timeout.Token)).ConfigureAwait(false);
        if (RuleId != Guid.Empty)
        {
            await TryAsync(() => Send(_notifications, HttpMethod.Delete, $"api/rules/{RuleId}", null, timeout.Token)).ConfigureAwait(false);
        }

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
