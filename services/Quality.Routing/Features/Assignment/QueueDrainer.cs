using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Routing.Features.Agents;
using Quality.Routing.Features.Cases;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Features.Assignment;

/// <summary>
/// The safety net behind the fills that follow each change: finds agents with room that some queued case
/// could go to, and fills them one case per agent per round, best-placed agent first, so a long queue is
/// spread as the assignment policy would spread it. Catches what a crash between a commit and its fill
/// left behind, and cases that become eligible with time.
/// </summary>
public sealed class QueueDrainer(IServiceScopeFactory scopes, QueueBackfill backfill, IOptions<QueueOptions> queue, TimeProvider time)
{
    public async Task<int> DrainAsync(int maxCases, CancellationToken cancellationToken)
    {
        var assigned = 0;
        while (assigned < maxCases)
        {
            var round = 0;
            foreach (var agentId in await AgentsWithWorkAsync(cancellationToken))
            {
                round += await backfill.FillAsync(agentId, 1, cancellationToken);
                if (assigned + round >= maxCases)
                {
                    break;
                }
            }

            assigned += round;
            if (round == 0)
            {
                break;
            }
        }

        return assigned;
    }

    /// <summary>Online agents with room for whom a queued case exists, least loaded then longest idle first.</summary>
    private async Task<List<string>> AgentsWithWorkAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        var relax = SkillRelaxation.At(queue.Value, time.GetUtcNow());
        var anyLanguageBefore = relax.Language ? relax.QueuedBefore : DateTimeOffset.MinValue;
        var anyChannelBefore = relax.Channel ? relax.QueuedBefore : DateTimeOffset.MinValue;
        var agents = await db.Agents.AsNoTracking()
            .Where(a => a.Presence == AgentPresence.Online && a.ActiveCases < a.Capacity)
            .Where(a => db.Cases.Any(c => c.Status == CaseStatus.Open
                && a.Categories.Contains(c.Category.ToLower())
                && (a.Languages.Contains(c.Language.ToLower()) || c.QueuedAt <= anyLanguageBefore)
                && (a.Channels.Count == 0 || a.Channels.Contains(c.Channel.ToLower()) || c.QueuedAt <= anyChannelBefore)))
            .ToListAsync(cancellationToken);
        return [.. AssignmentPolicy.Order(agents).Select(a => a.Id)];
    }
}
