using Quality.Routing.Features.Agents;
using Quality.Routing.Features.Cases;
using Quality.ServiceDefaults.Errors;

namespace Quality.Routing.Features.Access;

/// <summary>
/// Object-level checks. What a caller may not see is reported as missing, so its existence does not leak;
/// what they may see but not change is refused.
/// </summary>
public static class AccessRules
{
    public static void EnsureCanRead(Caller caller, Case @case)
    {
        if (!caller.CanSee(@case.TeamId))
        {
            throw CaseNotFound(@case.Id);
        }
    }

    /// <summary>Agents act on their own cases, supervisors on their team's, quality managers and admins on all.</summary>
    public static void EnsureCanWork(Caller caller, Case @case)
    {
        EnsureCanRead(caller, @case);
        if (!caller.IsSupervisorOrAbove && @case.AgentId != caller.Subject)
        {
            throw new ForbiddenException($"Agents act only on their own cases; case {@case.Id} is not assigned to {caller.Subject}.");
        }
    }

    /// <summary>
    /// Supervisors assign their team's cases, and may pull a queued case that no team holds yet into theirs.
    /// </summary>
    public static void EnsureCanAssign(Caller caller, Case @case)
    {
        if (caller.IsSupervisorOrAbove && @case.TeamId is null)
        {
            return;
        }

        EnsureCanRead(caller, @case);
        EnsureSupervisor(caller, "assign cases");
    }

    public static void EnsureCanSee(Caller caller, Agent agent)
    {
        if (!caller.CanSee(agent.TeamId))
        {
            throw AgentNotFound(agent.Id);
        }
    }

    public static void EnsureSupervisor(Caller caller, string what)
    {
        if (!caller.IsSupervisorOrAbove)
        {
            throw new ForbiddenException($"Only supervisors, quality managers and admins may {what}.");
        }
    }

    public static void EnsureAdmin(Caller caller, string what)
    {
        if (!caller.IsAdmin)
        {
            throw new ForbiddenException($"Only admins may {what}.");
        }
    }

    /// <summary>Supervisors manage their own team only.</summary>
    public static void EnsureCanManageTeam(Caller caller, string teamId, string what)
    {
        EnsureSupervisor(caller, what);
        if (!caller.CanSee(teamId))
        {
            throw new ForbiddenException($"Supervisors may {what} only in their own team ({caller.Team}), not in {teamId}.");
        }
    }

    public static NotFoundException CaseNotFound(Guid id) => new($"Case {id} does not exist.");

    public static NotFoundException AgentNotFound(string id) => new($"Agent '{id}' (agent_id) does not exist.");
}
