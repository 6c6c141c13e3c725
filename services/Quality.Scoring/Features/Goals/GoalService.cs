using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;

namespace Quality.Scoring.Features.Goals;

/// <summary>Sets, reads, lists and cancels goals for the HTTP endpoints and the gRPC service alike.</summary>
public sealed class GoalService(ScoringDbContext db, GoalAccess access, KpiFactLoader facts, TimeProvider time, IOptions<GoalOptions> options)
{
    public const int MaxLimit = 100;

    public async Task<GoalView> CreateAsync(ClaimsPrincipal user, CreateGoalRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var caller = CallerScope.From(user);
        var valid = GoalValidator.Validate(request, caller.Subject, now);
        var team = await access.TeamOfAsync(valid.Scope, ct);
        GoalAccess.AuthorizeManage(user, valid.Scope, team);

        var goal = new Goal
        {
            Id = Guid.CreateVersion7(),
            Metric = valid.Metric.Name,
            Target = valid.Target,
            Direction = valid.Direction,
            ScopeKind = valid.Scope.Kind,
            ScopeId = valid.Scope.Id,
            TeamId = team,
            OwnerId = valid.OwnerId,
            StartAt = valid.Start,
            Deadline = valid.Deadline,
            CreatedBy = caller.Subject,
            CreatedAt = now,
        };
        db.Goals.Add(goal);
        await db.SaveChangesAsync(ct);
        return (await ViewAsync([goal], now, ct))[0];
    }

    /// <summary>A goal the caller may not read answers as if it did not exist.</summary>
    public async Task<GoalView> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct);
        if (goal is null || !GoalAccess.CanRead(user, goal))
        {
            throw new NotFoundException($"goal {id} does not exist");
        }

        return (await ViewAsync([goal], time.GetUtcNow(), ct))[0];
    }

    public async Task<IReadOnlyList<GoalView>> ListAsync(ClaimsPrincipal user, GoalListFilter filter, CancellationToken ct)
    {
        var limit = filter.Limit == 0 ? 50 : filter.Limit;
        if (limit is < 1 or > MaxLimit)
        {
            throw new RequestValidationException("limit", $"must be between 1 and {MaxLimit}, not {filter.Limit}");
        }

        var goals = db.Goals.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Scope) || !string.IsNullOrWhiteSpace(filter.ScopeId))
        {
            var scope = KpiScope.Parse(filter.Scope, filter.ScopeId, "scope", "scopeId");
            goals = goals.Where(g => g.ScopeKind == scope.Kind && g.ScopeId == scope.Id);
        }

        if (!string.IsNullOrWhiteSpace(filter.OwnerId))
        {
            goals = goals.Where(g => g.OwnerId == filter.OwnerId);
        }

        goals = (filter.State ?? "").Trim().ToLowerInvariant() switch
        {
            "" or "open" => goals.Where(g => g.Outcome == null && g.CancelledAt == null),
            "decided" => goals.Where(g => g.Outcome != null),
            "cancelled" => goals.Where(g => g.CancelledAt != null),
            "all" => goals,
            _ => throw new RequestValidationException("state", $"unknown state '{filter.State}'; use open, decided, cancelled or all"),
        };

        // The same rule as GoalAccess.CanRead, in SQL.
        var caller = CallerScope.From(user);
        if (caller.Team is not null)
        {
            var subject = caller.Subject;
            var team = user.IsInRole(Roles.Supervisor) && caller.Team.Length > 0 ? caller.Team : null;
            goals = goals.Where(g => (subject != "" && g.OwnerId == subject)
                || (team != null && g.TeamId == team)
                || (subject != "" && g.ScopeKind == ScopeKind.Agent && g.ScopeId == subject));
        }

        var page = await goals.OrderBy(g => g.Deadline).ThenBy(g => g.Id).Take(limit).ToListAsync(ct);
        return await ViewAsync(page, time.GetUtcNow(), ct);
    }

    public async Task<GoalView> CancelAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == id, ct);
        if (goal is null || !GoalAccess.CanRead(user, goal))
        {
            throw new NotFoundException($"goal {id} does not exist");
        }

        GoalAccess.AuthorizeManage(user, goal.Scope, goal.TeamId);
        if (goal.Outcome is not null)
        {
            throw new ConflictException($"goal {id} was already {goal.Outcome.ToString()!.ToLowerInvariant()}; a decided goal cannot be cancelled");
        }

        if (goal.CancelledAt is null)
        {
            // Conditional, so a cancel racing an evaluator's decision cannot undo it: whichever commits first wins.
            var now = time.GetUtcNow();
            var changed = await db.Goals.Where(g => g.Id == id && g.Outcome == null && g.CancelledAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.CancelledAt, now), ct);
            if (changed == 0)
            {
                throw new ConflictException($"goal {id} was decided meanwhile and cannot be cancelled");
            }
        }

        return await GetAsync(user, id, ct);
    }

    /// <summary>Progress for several goals from one load of the facts.</summary>
    public async Task<IReadOnlyList<GoalView>> ViewAsync(IReadOnlyList<Goal> goals, DateTimeOffset now, CancellationToken ct)
    {
        var started = goals.Where(g => g.StartAt < now).ToList();
        var loaded = started.Count == 0
            ? new KpiFacts()
            : await facts.LoadAsync(new KpiPeriod(started.Min(g => g.StartAt), started.Max(g => g.Deadline < now ? g.Deadline : now)), ct);
        return [.. goals.Select(goal =>
        {
            var progress = GoalForecaster.Compute(goal, loaded, now);
            return new GoalView(goal, progress, GoalForecaster.Assess(goal, progress, now, options.Value.MinimumSamples));
        })];
    }
}
