using System.Globalization;

namespace Quality.Scoring.Benchmark.Traffic;

/// <summary>
/// The teams and agents of one stage. Their ids carry the run and stage, so a stage's KPIs hold nothing but its own
/// events and its expected counts start from zero.
/// </summary>
public sealed record TeamRoster(IReadOnlyList<string> Teams, IReadOnlyDictionary<string, IReadOnlyList<string>> AgentsByTeam)
{
    public static TeamRoster Create(string prefix, int teams, int agentsPerTeam)
    {
        var teamIds = Enumerable.Range(1, teams).Select(t => string.Create(CultureInfo.InvariantCulture, $"{prefix}-t{t:00}")).ToList();
        var agents = teamIds.ToDictionary(
            t => t,
            t => (IReadOnlyList<string>)[.. Enumerable.Range(1, agentsPerTeam).Select(a => string.Create(CultureInfo.InvariantCulture, $"{t}-a{a:00}"))]);
        return new TeamRoster(teamIds, agents);
    }

    public IEnumerable<(string Team, string Agent)> Agents => Teams.SelectMany(t => AgentsByTeam[t].Select(a => (t, a)));
}
