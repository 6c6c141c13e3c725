using Microsoft.EntityFrameworkCore;
using Quality.Routing.Features.Access;
using Quality.Routing.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Routing.Features.Teams;

public sealed class TeamDirectory(RoutingDbContext db, TimeProvider time)
{
    public async Task<Team> UpsertAsync(Caller caller, string teamId, string name, string assignment, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.RequireId("team_id", teamId);
        errors.Check("name", name.Length <= 200, "must be at most 200 characters");
        errors.ThrowIfAny();
        TeamAssignment? mode = string.IsNullOrWhiteSpace(assignment) ? null : TeamAssignmentNames.Parse(assignment, "assignment");
        AccessRules.EnsureCanManageTeam(caller, teamId, "change teams");

        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == teamId, cancellationToken);
        if (team is null)
        {
            team = new Team { Id = teamId, Name = "" };
            db.Teams.Add(team);
        }

        team.Name = name.Trim().Length > 0 ? name.Trim() : teamId;
        team.Assignment = mode ?? team.Assignment;
        team.UpdatedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.Entry(team).State == EntityState.Added)
        {
            // Created at the same moment by someone else: theirs stands, ours is an update of it.
            throw new ConflictException($"Team '{teamId}' was created concurrently; retry to update it.");
        }

        return team;
    }
}
