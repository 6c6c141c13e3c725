using System.Security.Claims;
using Quality.Scoring.Extensions;
using Quality.Scoring.Features.LiveKpis;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;
using StackExchange.Redis;

namespace Quality.Scoring.Features.Kpis;

/// <summary>
/// KPIs for a scope and period, after checking the caller may see that scope. Live windows (<c>last_hour</c>,
/// <c>last_24h</c>) answer from Redis; when Redis is unavailable or still being rebuilt they answer from the
/// facts in PostgreSQL (the same numbers, slower) and say so.
/// </summary>
public sealed partial class KpiQuery(
    KpiPeriodResolver periods, KpiFactLoader loader, LiveKpiReader live, TimeProvider time, ILogger<KpiQuery> logger)
{
    public async Task<KpiAnswer> GetAsync(
        ClaimsPrincipal user, string? scope, string? scopeId, string? period, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        // Validate everything before looking at who is asking, so a bad request is a 400 for everyone.
        var kpiScope = KpiScope.Parse(scope, scopeId);
        var now = time.GetUtcNow();
        var kpiPeriod = periods.Resolve(period, from, to, now);
        await AuthorizeAsync(user, kpiScope, ct);
        return await ReadAsync(kpiScope, kpiPeriod, now, ct);
    }

    /// <summary>The answer for a scope and period, no questions asked: the caller has checked who is asking.</summary>
    public async Task<KpiAnswer> ReadAsync(KpiScope kpiScope, KpiPeriod kpiPeriod, DateTimeOffset now, CancellationToken ct)
    {
        var window = LiveWindow.Named(kpiPeriod.Name);
        if (window is not null)
        {
            try
            {
                // Readiness and values in one Redis round trip.
                if (await live.ReadAsync(window, kpiScope, now) is { } values)
                {
                    return new KpiAnswer(kpiScope, kpiPeriod, values, FromRedis: true, Degraded: false);
                }
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                LogRedisUnavailable(e, kpiPeriod.Name);
            }
        }

        var facts = await loader.LoadAsync(kpiPeriod, ct);
        return new KpiAnswer(kpiScope, kpiPeriod, KpiCalculator.Compute(facts, kpiScope, kpiPeriod), FromRedis: false, Degraded: window is not null);
    }

    /// <summary>Agents see only themselves; supervisors their team and its agents; quality managers and admins everything.</summary>
    public async Task AuthorizeAsync(ClaimsPrincipal user, KpiScope scope, CancellationToken ct)
    {
        var caller = CallerScope.From(user);
        if (caller.Team is null)
        {
            return;
        }

        var allowed = scope.Kind switch
        {
            ScopeKind.Agent when scope.Id == caller.Subject && caller.Subject.Length > 0 => true,
            ScopeKind.Agent when user.IsInRole(Roles.Supervisor) => caller.Team.Length > 0 && await loader.TeamOfAgentAsync(scope.Id!, ct) == caller.Team,
            ScopeKind.Team => user.Supervises(caller, scope.Id),
            _ => false,
        };
        if (!allowed)
        {
            throw new ForbiddenException($"you may not see the KPIs of {scope.Name} {scope.Id}".TrimEnd());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unavailable: {Period} answered from PostgreSQL")]
    private partial void LogRedisUnavailable(Exception exception, string period);
}
