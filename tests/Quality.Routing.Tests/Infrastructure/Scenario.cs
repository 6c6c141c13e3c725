using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quality.Contracts.Intake;
using Quality.Routing.Features.Assignment;
using Quality.Routing.Features.Cases;
using Quality.Routing.Infrastructure;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Routing.Tests.Infrastructure;

/// <summary>
/// A test's own corner of the shared database: a fresh team and a category no other test uses, so tests
/// run side by side without seeing each other's agents or queued cases.
/// </summary>
public sealed class Scenario(RoutingHost host)
{
    public string Team { get; } = $"team-{Guid.NewGuid():N}"[..16];
    public string Category { get; } = $"cat-{Guid.NewGuid():N}"[..16];
    public HttpClient Admin { get; } = host.Admin();
    public HttpClient Supervisor => host.ClientFor($"sup-{Team}", Roles.Supervisor, Team);

    public string AgentId(string name) => $"{Team}-{name}";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A scenario with its team and one online agent, ann, who takes its cases, so they never sit in the queue other tests' agents are filled from.</summary>
    public static async Task<Scenario> WithAgentAsync(RoutingHost host, int capacity)
    {
        var scenario = new Scenario(host);
        await scenario.CreateTeamAsync();
        await scenario.CreateAgentAsync("ann", capacity);
        return scenario;
    }

    public async Task CreateTeamAsync() =>
        (await Admin.PutAsJsonAsync($"/api/teams/{Team}", new { name = "Team " + Team }, Cancellation)).EnsureSuccessStatusCode();

    public async Task<JsonElement> CreateAgentAsync(string name, int capacity, string presence = "online", string language = "zh", string[]? channels = null)
    {
        var id = AgentId(name);
        var put = await Admin.PutAsJsonAsync($"/api/agents/{id}", new
        {
            teamId = Team,
            displayName = name,
            categories = new[] { Category },
            languages = new[] { language },
            channels = channels ?? [],
            capacity,
        }, Cancellation);
        put.EnsureSuccessStatusCode();
        return await SetPresenceAsync(id, presence);
    }

    public async Task<JsonElement> SetPresenceAsync(string agentId, string presence)
    {
        var put = await Admin.PutAsJsonAsync($"/api/agents/{agentId}/presence", new { presence }, Cancellation);
        put.EnsureSuccessStatusCode();
        return await put.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
    }

    /// <summary>
    /// Opens a case exactly as the ComplaintRaised consumer does: in one transaction, then routes it if it was
    /// left queued; severity 4 is priority 1.
    /// </summary>
    public async Task<Case> OpenCaseAsync(int severity = 2, string language = "zh", string channel = "api", RoutingHost? on = null)
    {
        await using var scope = (on ?? host).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        var opener = scope.ServiceProvider.GetRequiredService<CaseOpener>();
        var feedbackId = Guid.CreateVersion7();
        await using var transaction = await db.Database.BeginTransactionAsync(Cancellation);
        var opened = await opener.OpenAsync(new ComplaintRaised
        {
            CorrelationId = feedbackId,
            FeedbackId = feedbackId,
            Channel = channel,
            Category = Category,
            Severity = severity,
            Sentiment = -0.5,
            Language = language,
            Summary = "送餐太慢了",
            ReceivedAt = DateTimeOffset.UtcNow,
        }, Cancellation);
        await db.SaveChangesAsync(Cancellation);
        await transaction.CommitAsync(Cancellation);
        if (opened is { Status: CaseStatus.Open })
        {
            await scope.ServiceProvider.GetRequiredService<QueueBackfill>().AfterCaseQueuedAsync(opened.Id, Cancellation);
        }

        return await db.Cases.AsNoTracking().SingleAsync(c => c.FeedbackId == feedbackId, Cancellation);
    }

    public async Task<Case> CaseAsync(Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RoutingDbContext>().Cases.AsNoTracking().SingleAsync(c => c.Id == id, Cancellation);
    }

    /// <summary>The events this case put in the outbox, by type name, in the order written.</summary>
    public async Task<List<string>> EventsAsync(Guid caseId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        var id = caseId.ToString();
        var types = await db.Database
            .SqlQuery<string>($"SELECT message_type AS \"Value\" FROM outbox_messages WHERE payload->>'caseId' = {id} ORDER BY created_at, id")
            .ToListAsync(Cancellation);
        return [.. types.Select(t => t.Split(',')[0].Split('.')[^1])];
    }

    /// <summary>The payloads of the events of one type this case put in the outbox, in the order written.</summary>
    public async Task<List<JsonElement>> EventPayloadsAsync(Guid caseId, string type)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        var id = caseId.ToString();
        var prefix = $"Quality.Contracts.Routing.{type},%";
        var payloads = await db.Database
            .SqlQuery<string>($"SELECT payload::text AS \"Value\" FROM outbox_messages WHERE payload->>'caseId' = {id} AND message_type LIKE {prefix} ORDER BY created_at, id")
            .ToListAsync(Cancellation);
        return [.. payloads.Select(p => JsonDocument.Parse(p).RootElement.Clone())];
    }

    /// <summary>An SLA policy for this scenario's category only, so it never applies to another test's cases.</summary>
    public async Task<JsonElement> CreatePolicyAsync(object targets, double warningFraction = 0.8, string calendarId = "default")
    {
        var put = await Admin.PutAsJsonAsync($"/api/sla/policies/policy-{Category}", new
        {
            name = "Policy for " + Category,
            rank = 10,
            condition = new { categories = new[] { Category } },
            targets,
            warningFraction,
            calendarId,
        }, Cancellation);
        var json = await put.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(put.IsSuccessStatusCode, $"PUT policy answered {(int)put.StatusCode}: {json}");
        return json;
    }

    public async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body, Cancellation);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {json}");
        return json;
    }
}
