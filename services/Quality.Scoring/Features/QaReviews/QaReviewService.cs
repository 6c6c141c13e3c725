using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quality.Scoring.Features.LiveKpis;
using Quality.Scoring.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;

namespace Quality.Scoring.Features.QaReviews;

/// <summary>
/// Rubrics, reviews, calibration sessions and disputes, for the HTTP endpoints and the gRPC service alike. A review
/// that counts (or its decided dispute) is folded into its case's live values in the same transaction and applied
/// right after the commit, so the QA score in Redis follows at once (see <see cref="LiveFolder"/>).
/// </summary>
public sealed class QaReviewService(ScoringDbContext db, TimeProvider time, LiveFolder live, LiveStore store)
{
    public async Task<Rubric> CreateRubricAsync(ClaimsPrincipal user, CreateRubricRequest request, CancellationToken ct)
    {
        var rubric = RubricValidator.Validate(request, CallerScope.From(user).Subject, time.GetUtcNow());
        QaAccess.AuthorizeManager(user, "publish rubrics");
        db.Rubrics.Add(rubric);
        await db.SaveChangesAsync(ct);
        return rubric;
    }

    /// <summary>Anyone signed in may read rubrics: agents need to know what they are reviewed against.</summary>
    public async Task<Rubric> GetRubricAsync(Guid id, CancellationToken ct) =>
        await db.Rubrics.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException($"rubric {id} does not exist");

    /// <summary>Every rubric, newest first; anyone signed in may read them.</summary>
    public async Task<Page<Rubric>> ListRubricsAsync(int limit, int offset, CancellationToken ct)
    {
        var take = Paging(limit, offset);
        var rubrics = await db.Rubrics.AsNoTracking().OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip(offset).Take(take + 1).ToListAsync(ct);
        return PageOf(rubrics, take, offset);
    }

    public async Task<QaReview> SubmitAsync(ClaimsPrincipal user, SubmitReviewRequest request, CancellationToken ct)
    {
        var caller = CallerScope.From(user);
        Rubric rubric;
        Guid caseId;
        string agentId;
        string? teamId;
        if (request.CalibrationId is { } calibrationId)
        {
            var session = await db.CalibrationSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == calibrationId, ct)
                ?? throw new RequestValidationException("calibrationId", $"unknown calibration session {calibrationId}");
            if ((request.RubricId ?? session.RubricId) != session.RubricId || (request.CaseId ?? session.CaseId) != session.CaseId
                || (request.AgentId ?? session.AgentId) != session.AgentId)
            {
                throw new RequestValidationException("calibrationId",
                    $"session {calibrationId} reviews case {session.CaseId} of agent {session.AgentId} against rubric {session.RubricId}; leave those out or give the same");
            }

            rubric = await GetRubricAsync(session.RubricId, ct);
            (caseId, agentId, teamId) = (session.CaseId, session.AgentId, session.TeamId);
        }
        else
        {
            (rubric, caseId, agentId, teamId) = await ResolveAsync(request.RubricId, request.CaseId, request.AgentId, ct);
        }

        var score = ReviewScorer.Score(rubric, request.Scores);
        if (request.Comment is { Length: > 4000 })
        {
            throw new RequestValidationException("comment", "at most 4000 characters");
        }

        QaAccess.AuthorizeReview(user, agentId, teamId);
        var review = new QaReview
        {
            Id = Guid.CreateVersion7(),
            RubricId = rubric.Id,
            CaseId = caseId,
            AgentId = agentId,
            TeamId = teamId,
            ReviewerId = caller.Subject,
            CalibrationId = request.CalibrationId,
            Scores = score.Scores,
            Score = score.Score,
            WeightedScore = score.WeightedScore,
            Failed = score.Failed,
            Comment = request.Comment,
            ReviewedAt = time.GetUtcNow(),
        };
        db.QaReviews.Add(review);
        async Task SaveAsync(CancellationToken token)
        {
            try
            {
                await db.SaveChangesAsync(token);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                throw new ConflictException($"{caller.Subject} has already reviewed calibration session {request.CalibrationId}");
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        LivePendingDelta? delta = null;
        if (review.CalibrationId is null)
        {
            delta = await live.FoldChangeAsync([LiveEntities.Case(caseId)], SaveAsync, ct);
        }
        else
        {
            await SaveAsync(ct);
        }

        await transaction.CommitAsync(ct);
        await store.ApplyAfterCommitAsync(delta);
        return review;
    }

    /// <summary>A review the caller may not read answers as if it did not exist.</summary>
    public async Task<QaReview> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var review = await db.QaReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        return review is not null && QaAccess.CanRead(user, review) ? review : throw new NotFoundException($"review {id} does not exist");
    }

    /// <summary>
    /// Reviews the caller may read (as for <see cref="GetAsync"/>: managers all; supervisors their team's; anyone the
    /// reviews of their own work and those they made), newest first, calibration reviews included.
    /// </summary>
    public async Task<Page<QaReview>> ListAsync(ClaimsPrincipal user, ReviewListFilter filter, CancellationToken ct)
    {
        var take = Paging(filter.Limit, filter.Offset);
        var agentId = string.IsNullOrWhiteSpace(filter.AgentId) ? null : filter.AgentId.Trim();
        var query = db.QaReviews.AsNoTracking();
        if (agentId is not null)
        {
            query = query.Where(r => r.AgentId == agentId);
        }

        if (filter.CaseId is { } caseId)
        {
            query = query.Where(r => r.CaseId == caseId);
        }

        var caller = CallerScope.From(user);
        if (caller.Team is not null)
        {
            // The same rule as QaAccess.CanRead, as a query.
            var subject = caller.Subject;
            var team = user.IsInRole(Roles.Supervisor) && caller.Team.Length > 0 ? caller.Team : null;
            query = query.Where(r => (subject != "" && (r.AgentId == subject || r.ReviewerId == subject)) || (team != null && r.TeamId == team));
        }

        var reviews = await query.OrderByDescending(r => r.ReviewedAt).ThenByDescending(r => r.Id).Skip(filter.Offset).Take(take + 1).ToListAsync(ct);
        return PageOf(reviews, take, filter.Offset);
    }

    /// <summary>Only the reviewed agent disputes, once, and not a calibration review (it counts for nothing).</summary>
    public async Task<QaReview> DisputeAsync(ClaimsPrincipal user, Guid id, DisputeRequest request, CancellationToken ct)
    {
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > 2000)
        {
            throw new RequestValidationException("reason", "is required, at most 2000 characters");
        }

        var review = await GetAsync(user, id, ct);
        if (review.AgentId != CallerScope.From(user).Subject)
        {
            throw new ForbiddenException($"only {review.AgentId}, whose work was reviewed, may dispute review {id}");
        }

        if (review.CalibrationId is not null)
        {
            throw new ConflictException($"review {id} belongs to calibration session {review.CalibrationId} and counts for nothing; it cannot be disputed");
        }

        var now = time.GetUtcNow();
        // Conditional, so two disputes at the same moment cannot both succeed.
        var changed = await db.QaReviews.Where(r => r.Id == id && r.DisputedAt == null)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.DisputeReason, reason).SetProperty(x => x.DisputedAt, now), ct);
        return changed == 1 ? await GetAsync(user, id, ct) : throw new ConflictException($"review {id} has already been disputed");
    }

    /// <summary>A quality manager or admin other than the reviewer decides a dispute, once.</summary>
    public async Task<QaReview> DecideAsync(ClaimsPrincipal user, Guid id, DecideDisputeRequest request, CancellationToken ct)
    {
        var outcome = request.Outcome?.Trim().ToLowerInvariant() switch
        {
            "upheld" => DisputeOutcome.Upheld,
            "overturned" => DisputeOutcome.Overturned,
            _ => throw new RequestValidationException("outcome", $"unknown outcome '{request.Outcome}'; use upheld or overturned"),
        };
        if (outcome == DisputeOutcome.Overturned && request.AdjustedScore is not (>= 0 and <= 100))
        {
            throw new RequestValidationException("adjustedScore", "an overturned review needs the adjusted score, 0 to 100");
        }

        if (outcome == DisputeOutcome.Upheld && request.AdjustedScore is not null)
        {
            throw new RequestValidationException("adjustedScore", "an upheld review keeps its score; leave adjustedScore out");
        }

        if (request.Note is { Length: > 2000 })
        {
            throw new RequestValidationException("note", "at most 2000 characters");
        }

        QaAccess.AuthorizeManager(user, "decide disputes");
        var review = await GetAsync(user, id, ct);
        var decider = CallerScope.From(user).Subject;
        if (review.ReviewerId == decider)
        {
            throw new ForbiddenException($"{decider} made review {id} and may not decide its dispute");
        }

        if (review.DisputedAt is null)
        {
            throw new ConflictException($"review {id} has not been disputed");
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Only an overturn changes the score; an upheld one folds to no change.
        var delta = await live.FoldChangeAsync([LiveEntities.Case(review.CaseId)], async token =>
        {
            var changed = await db.QaReviews.Where(r => r.Id == id && r.DisputedAt != null && r.DisputeOutcome == null)
                .ExecuteUpdateAsync(r => r
                    .SetProperty(x => x.DisputeOutcome, outcome)
                    .SetProperty(x => x.AdjustedScore, request.AdjustedScore)
                    .SetProperty(x => x.DecisionNote, request.Note)
                    .SetProperty(x => x.DecidedBy, decider)
                    .SetProperty(x => x.DecidedAt, now), token);
            if (changed != 1)
            {
                throw new ConflictException($"the dispute of review {id} has already been decided");
            }
        }, ct);
        await transaction.CommitAsync(ct);
        await store.ApplyAfterCommitAsync(delta);
        return await GetAsync(user, id, ct);
    }

    public async Task<CalibrationReport> CreateCalibrationAsync(ClaimsPrincipal user, CreateCalibrationRequest request, CancellationToken ct)
    {
        var (rubric, caseId, agentId, teamId) = await ResolveAsync(request.RubricId, request.CaseId, request.AgentId, ct);
        QaAccess.AuthorizeReview(user, agentId, teamId);
        var session = new CalibrationSession
        {
            Id = Guid.CreateVersion7(), RubricId = rubric.Id, CaseId = caseId, AgentId = agentId, TeamId = teamId,
            CreatedBy = CallerScope.From(user).Subject, CreatedAt = time.GetUtcNow(),
        };
        db.CalibrationSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return CalibrationReport.Of(session, rubric, []);
    }

    public async Task<CalibrationReport> GetCalibrationAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var session = await db.CalibrationSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null || !QaAccess.CanRead(user, session))
        {
            throw new NotFoundException($"calibration session {id} does not exist");
        }

        var reviews = await db.QaReviews.AsNoTracking().Where(r => r.CalibrationId == id).OrderBy(r => r.ReviewedAt).ToListAsync(ct);
        return CalibrationReport.Of(session, await GetRubricAsync(session.RubricId, ct), reviews);
    }

    /// <summary>
    /// The sessions the caller may read (as for <see cref="GetCalibrationAsync"/>: managers all, supervisors their team's),
    /// newest first, optionally one agent's; each with its reviews and spread, read in three queries for the whole page.
    /// </summary>
    public async Task<Page<CalibrationReport>> ListCalibrationsAsync(ClaimsPrincipal user, string? agentId, int limit, int offset, CancellationToken ct)
    {
        var take = Paging(limit, offset);
        var query = db.CalibrationSessions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(agentId))
        {
            var agent = agentId.Trim();
            query = query.Where(s => s.AgentId == agent);
        }

        var caller = CallerScope.From(user);
        if (caller.Team is not null)
        {
            // The same rule as QaAccess.CanRead, as a query: a team-scoped caller other than a supervisor reads none.
            var team = user.IsInRole(Roles.Supervisor) && caller.Team.Length > 0 ? caller.Team : null;
            query = query.Where(s => team != null && s.TeamId == team);
        }

        var page = PageOf(await query.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Skip(offset).Take(take + 1).ToListAsync(ct), take, offset);
        var ids = page.Items.Select(s => s.Id).ToList();
        var rubricIds = page.Items.Select(s => s.RubricId).Distinct().ToList();
        var reviews = (await db.QaReviews.AsNoTracking().Where(r => r.CalibrationId != null && ids.Contains(r.CalibrationId.Value))
                .OrderBy(r => r.ReviewedAt).ToListAsync(ct))
            .ToLookup(r => r.CalibrationId!.Value);
        var rubrics = await db.Rubrics.AsNoTracking().Where(r => rubricIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return new Page<CalibrationReport>(
            [.. page.Items.Select(s => CalibrationReport.Of(s, rubrics[s.RubricId], [.. reviews[s.Id]]))], page.NextOffset);
    }

    /// <summary>
    /// The rubric, and the case as Scoring knows it from its facts: an unknown case is a bad request, and so is an agent
    /// the case was never assigned to. Without an agent, the case's latest assignment says whose work is reviewed.
    /// </summary>
    private async Task<(Rubric Rubric, Guid CaseId, string AgentId, string? TeamId)> ResolveAsync(
        Guid? rubricId, Guid? caseId, string? agentId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var rubric = rubricId is { } r ? await db.Rubrics.AsNoTracking().SingleOrDefaultAsync(x => x.Id == r, ct) : null;
        if (rubric is null)
        {
            errors["rubricId"] = [rubricId is null ? "is required" : $"unknown rubric {rubricId}"];
        }

        var known = caseId is { } c && await db.CaseFacts.AnyAsync(f => f.CaseId == c, ct);
        if (!known)
        {
            errors["caseId"] = [caseId is null ? "is required" : $"unknown case {caseId}: Scoring has no CaseOpened for it"];
        }

        var assignment = known
            ? await db.CaseAssignmentFacts.AsNoTracking()
                .Where(a => a.CaseId == caseId && (agentId == null || a.AgentId == agentId))
                .OrderByDescending(a => a.AssignedAt).FirstOrDefaultAsync(ct)
            : null;
        if (known && assignment is null)
        {
            errors["agentId"] = [agentId is null
                ? $"case {caseId} has never been assigned, so there is no agent to review"
                : $"case {caseId} was never assigned to {agentId}"];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return (rubric!, caseId!.Value, assignment!.AgentId, assignment.TeamId);
    }

    /// <summary>How many to take: <paramref name="limit"/> 1–100, 0 meaning the default.</summary>
    private static int Paging(int limit, int offset)
    {
        var errors = new Dictionary<string, string[]>();
        if (limit is < 0 or > Page<QaReview>.MaxLimit)
        {
            errors["limit"] = [$"must be 1 to {Page<QaReview>.MaxLimit} (0 or none means {Page<QaReview>.DefaultLimit}), not {limit}"];
        }

        if (offset < 0)
        {
            errors["offset"] = [$"must be 0 or more, not {offset}"];
        }

        return errors.Count > 0 ? throw new RequestValidationException(errors) : limit == 0 ? Page<QaReview>.DefaultLimit : limit;
    }

    /// <summary>Fetching one more than the page holds tells whether there is a next page without counting.</summary>
    private static Page<T> PageOf<T>(List<T> fetched, int take, int offset) =>
        fetched.Count > take ? new Page<T>(fetched[..take], offset + take) : new Page<T>(fetched, null);
}
