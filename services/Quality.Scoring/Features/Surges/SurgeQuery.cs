using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Scoring.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;

namespace Quality.Scoring.Features.Surges;

/// <summary>
/// Each category's surge state as the monitor left it: surging ones first, then the rest by name. Categories belong to
/// no team, so supervisors and above read them all; agents are refused.
/// </summary>
public sealed class SurgeQuery(ScoringDbContext db, IOptions<SurgeOptions> options)
{
    public async Task<IReadOnlyList<SurgeReading>> ListAsync(ClaimsPrincipal user, bool surgingOnly, CancellationToken ct)
    {
        if (!(user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.QualityManager) || user.IsInRole(Roles.Admin)))
        {
            throw new ForbiddenException("only supervisors, quality managers and admins may read complaint surges");
        }

        var query = db.SurgeStates.AsNoTracking();
        if (surgingOnly)
        {
            query = query.Where(s => s.InSurge);
        }

        var states = await query.OrderByDescending(s => s.InSurge).ThenBy(s => s.Category).ToListAsync(ct);
        return [.. states.Select(s => new SurgeReading(s, SurgeDetector.ThresholdOf(s, options.Value)))];
    }
}
