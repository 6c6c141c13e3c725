using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Routing.Features.Agents;
using Quality.Routing.Features.Cases;
using Quality.Routing.Features.Teams;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Features.Assignment;

/// <summary>
/// Routes the new cases of a batch of complaints together, as <see cref="CaseAssigner.AssignAutomaticallyAsync"/>
/// routes one: the candidates are read once for all of them, the agents the cases will need are locked in one
/// statement, and <see cref="AssignmentPolicy"/> then chooses for each case in turn, most urgent first, against
/// the locked rows whose counts every assignment raises. A case nobody locked can take stays queued.
/// </summary>
public sealed class BatchAssigner(RoutingDbContext db, RoutingLocks locks, CaseAssigner assigner, IOptions<QueueOptions> queue, TimeProvider time)
{
    /// <summary>Assigns what it can of <paramref name="cases"/> (unsaved, queued, in the caller's transaction).</summary>
    public async Task AssignAsync(IReadOnlyList<Case> cases, CancellationToken cancellationToken)
    {
        var relax = SkillRelaxation.At(queue.Value, time.GetUtcNow());
        // OrderBy is stable: equally urgent cases keep the order their complaints arrived in.
        var urgent = cases.OrderBy(c => c.Priority).ThenBy(c => c.OpenedAt).ToList();
        var rows = await CandidatesFor(urgent, relax)
            .Select(a => new { Agent = a, Mode = db.Teams.Where(t => t.Id == a.TeamId).Select(t => (TeamAssignment?)t.Assignment).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var roundRobin = rows.Where(r => r.Mode == TeamAssignment.RoundRobin).Select(r => r.Agent.TeamId).ToHashSet();
        var (needed, turnTeams) = Plan([.. rows.Select(r => r.Agent)], urgent, roundRobin, relax);
        if (needed.Count == 0)
        {
            return;
        }

        // Cases (the caller's repeats) were locked before; now teams, then agents, each set in id order (see
        // RoutingLocks). Agents are waited for rather than skipped: every holder of an agent only ever waits
        // for other agents in id order, so the wait ends, and a batch that skipped the agents another batch
        // holds would find nobody and leave all its cases to the backfill.
        List<Team> teams = turnTeams.Count == 0 ? [] : await locks.LockTeamsAsync([.. turnTeams], cancellationToken);
        var agents = await locks.LockAgentsAsync([.. needed], cancellationToken);
        foreach (var @case in urgent)
        {
            // The locked rows have the final word on presence, room and skills; each Give raises a count.
            var ranked = AssignmentPolicy.Rank(agents, @case, relax);
            if (ranked.Count > 0)
            {
                var turn = teams.FirstOrDefault(t => t.Id == ranked[0].TeamId);
                assigner.GiveRouted(@case, CaseAssigner.TurnOrder(ranked, turn).First(), turn);
            }
        }
    }

    /// <summary>
    /// The agents to lock: the one the policy would choose for each case in turn on the unlocked read, whose
    /// copies take the load as it is planned, and every candidate of a round-robin team that would have a
    /// turn, since whose turn it is only the locked team row can say. Also returns those teams.
    /// </summary>
    private static (SortedSet<string> Agents, SortedSet<string> Teams) Plan(
        List<Agent> candidates, List<Case> urgent, HashSet<string> roundRobin, SkillRelaxation relax)
    {
        var agents = new SortedSet<string>(StringComparer.Ordinal);
        var teams = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var @case in urgent)
        {
            var ranked = AssignmentPolicy.Rank(candidates, @case, relax);
            if (ranked.Count == 0)
            {
                continue;
            }

            var best = ranked[0];
            if (roundRobin.Contains(best.TeamId))
            {
                teams.Add(best.TeamId);
                agents.UnionWith(ranked.Where(a => a.TeamId == best.TeamId).Select(a => a.Id));
            }

            agents.Add(best.Id);
            best.ActiveCases++;
            best.LastAssignedAt = @case.OpenedAt;
        }

        return (agents, teams);
    }

    /// <summary>
    /// Online agents with room, one of the cases' categories and one of their languages (any language when
    /// one case's has relaxed), untracked; <see cref="AssignmentPolicy"/> checks each case's own skills.
    /// </summary>
    private IQueryable<Agent> CandidatesFor(IReadOnlyList<Case> cases, SkillRelaxation relax)
    {
        var categories = cases.Select(c => c.Category.ToLowerInvariant()).Distinct().ToList();
        var languages = cases.Select(c => c.Language.ToLowerInvariant()).Distinct().ToList();
        var anyLanguage = relax.Language && cases.Any(relax.Applies);
        return db.Agents.AsNoTracking()
            .Where(a => a.Presence == AgentPresence.Online && a.ActiveCases < a.Capacity
                && a.Categories.Any(c => categories.Contains(c)) && (anyLanguage || a.Languages.Any(l => languages.Contains(l))));
    }
}
