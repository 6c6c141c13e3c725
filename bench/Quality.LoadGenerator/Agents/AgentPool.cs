using System.Collections.Concurrent;
using System.Globalization;
using Quality.LoadGenerator.Breaches;
using Quality.LoadGenerator.Measurement;
using Quality.LoadGenerator.Traffic;

namespace Quality.LoadGenerator.Agents;

/// <summary>
/// Simulated agents: a team and N agents with skills created through Routing's HTTP API and set online; each
/// agent polls its assigned cases, records a response, resolves the case and, for a share of them, has the
/// customer answer a CSAT survey tied to the case. Agents go offline when the run ends.
/// With a <paramref name="workTime"/> (the demo) each agent takes its time over several cases at once, as people do,
/// so cases stay open for a while; without one (benchmarks) it works its cases one after the other at once.
/// </summary>
public sealed class AgentPool(HttpClient routing, IntakeClient intake, KpiVisibilityTracker? kpis, int agents, int capacity,
    double surveyShare, string runId, int seed, TimeSpan workTime = default, BreachTracker? breaches = null)
{
    public const string TeamId = "loadgen";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan RecentlyWorked = TimeSpan.FromMinutes(1);
    private readonly List<Task> _workers = [];
    private readonly ConcurrentDictionary<string, Task> _cases = new();

    public AgentStats Stats { get; } = new();

    public static string AgentId(int index) => $"loadgen-agent-{(index + 1).ToString("00", CultureInfo.InvariantCulture)}";

    public async Task SetUpAsync(CancellationToken ct)
    {
        await QualityHttp.SendAsync(routing, HttpMethod.Put, $"api/teams/{TeamId}", new { name = "Load generator" }, ct).ConfigureAwait(false);
        for (var i = 0; i < agents; i++)
        {
            var id = AgentId(i);
            await QualityHttp.SendAsync(routing, HttpMethod.Put, $"api/agents/{id}", new
            {
                teamId = TeamId,
                displayName = $"Load agent {i + 1}",
                categories = SkillPlan.CategoriesFor(i, agents),
                languages = SkillPlan.Languages,
                capacity,
            }, ct).ConfigureAwait(false);
            await QualityHttp.SendAsync(routing, HttpMethod.Put, $"api/agents/{id}/presence", new { presence = "online" }, ct).ConfigureAwait(false);
        }
    }

    public void Start(CancellationToken ct)
    {
        for (var i = 0; i < agents; i++)
        {
            var id = AgentId(i);
            var random = new Random(seed + i);
            _workers.Add(Task.Run(() => WorkAsync(id, random, ct), ct));
        }
    }

    /// <summary>Stops the workers (cancel their token first) and sets every agent offline.</summary>
    public async Task StopAsync()
    {
        try
        {
            await Task.WhenAll(_workers).ConfigureAwait(false);
            await Task.WhenAll(_cases.Values).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        for (var i = 0; i < agents; i++)
        {
            try
            {
                await QualityHttp.SendAsync(routing, HttpMethod.Put, $"api/agents/{AgentId(i)}/presence", new { presence = "offline" }, timeout.Token)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (e is IntakeException or HttpRequestException or OperationCanceledException)
            {
                Stats.OnError($"offline {AgentId(i)}: {e.Message}");
            }
        }
    }

    private async Task WorkAsync(string agentId, Random random, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var page = await QualityHttp.SendAsync(routing, HttpMethod.Get, $"api/cases?agentId={agentId}&status=assigned&pageSize=50", null, ct)
                    .ConfigureAwait(false);
                var listed = page.TryGetProperty("cases", out var list) ? list.EnumerateArray().ToList() : [];
                // A case waiting for its breach is left alone until its webhook has come (or the wait is given up).
                var cases = listed.Where(c => breaches is null || !(c.TryGetProperty("feedbackId", out var f) && f.TryGetGuid(out var id) && breaches.IsWaiting(id)))
                    .Select(c => c.GetProperty("caseId").GetString()!).ToList();
                foreach (var caseId in cases)
                {
                    var plan = Plan(random);
                    if (workTime <= TimeSpan.Zero)
                    {
                        await WorkCaseAsync(caseId, plan, ct).ConfigureAwait(false);
                    }
                    else if (!_cases.ContainsKey(caseId))
                    {
                        // Listed again until answered: one worker per case.
                        _cases[caseId] = Task.Run(() => WorkCaseInBackgroundAsync(agentId, caseId, plan, ct), ct);
                    }
                }

                if (cases.Count == 0)
                {
                    await Task.Delay(PollInterval, ct).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IntakeException or HttpRequestException or OperationCanceledException or KeyNotFoundException)
            {
                Stats.OnError($"{agentId}: {e.Message}");
                await Task.Delay(PollInterval, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>What the agent and the customer will do with a case, drawn from the agent's own random sequence.</summary>
    private CasePlan Plan(Random random)
    {
        var respondAfter = workTime <= TimeSpan.Zero ? TimeSpan.Zero : workTime * (0.25 + 0.75 * random.NextDouble());
        var resolveAfter = workTime <= TimeSpan.Zero ? TimeSpan.Zero : workTime * (0.5 + random.NextDouble());
        if (random.NextDouble() >= surveyShare)
        {
            return new CasePlan(respondAfter, resolveAfter, null);
        }

        // Most customers are satisfied after a resolution; some are not (CSAT 1-2 opens a complaint again).
        var score = random.NextDouble() switch { < 0.6 => 5, < 0.8 => 4, < 0.9 => 3, < 0.95 => 2, _ => 1 };
        return new CasePlan(respondAfter, resolveAfter, score);
    }

    private async Task WorkCaseInBackgroundAsync(string agentId, string caseId, CasePlan plan, CancellationToken ct)
    {
        try
        {
            await WorkCaseAsync(caseId, plan, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is IntakeException or HttpRequestException or OperationCanceledException or KeyNotFoundException)
        {
            Stats.OnError($"{agentId}: {e.Message}");
        }
        finally
        {
            // A poll sent before the case was resolved may still list it as assigned: remember it a while.
            try
            {
                await Task.Delay(RecentlyWorked, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            _cases.TryRemove(caseId, out _);
        }
    }

    private async Task WorkCaseAsync(string caseId, CasePlan plan, CancellationToken ct)
    {
        if (plan.RespondAfter > TimeSpan.Zero)
        {
            await Task.Delay(plan.RespondAfter, ct).ConfigureAwait(false);
        }

        await QualityHttp.SendAsync(routing, HttpMethod.Post, $"api/cases/{caseId}/responses", new { note = "您好，我们正在核实，马上给您答复。" }, ct)
            .ConfigureAwait(false);
        Stats.OnResponded();
        if (plan.ResolveAfter > TimeSpan.Zero)
        {
            await Task.Delay(plan.ResolveAfter, ct).ConfigureAwait(false);
        }

        await QualityHttp.SendAsync(routing, HttpMethod.Post, $"api/cases/{caseId}/resolve", new { note = "已为您退款并致歉。" }, ct)
            .ConfigureAwait(false);
        Stats.OnResolved();
        if (plan.CsatScore is not { } score)
        {
            return;
        }

        var result = await intake.SubmitSurveyAsync("csat", score, null, caseId, $"lg-{runId}-csat-{caseId}", $"lg-{runId}-csat-{caseId}", ct)
            .ConfigureAwait(false);
        Stats.OnSurvey();
        if (!result.Duplicate)
        {
            kpis?.OnStored(Clock.Now, stage: null, items: 1);
        }
    }
}
