using System.Security.Claims;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Features.LiveKpis;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;
using StackExchange.Redis;

namespace Quality.Scoring.Features.Leaderboards;

/// <summary>
/// Agents ranked on a board (the organisation, or one team) over a live window, from Redis's sorted sets; from
/// the facts in PostgreSQL, flagged, when Redis is unavailable. Agents and supervisors see their own team's board.
/// </summary>
public sealed partial class LeaderboardQuery(
    KpiPeriodResolver periods, KpiFactLoader loader, LiveStore store, TimeProvider time, ILogger<LeaderboardQuery> logger)
{
    public const int MaxLimit = 100;

    public async Task<LeaderboardAnswer> GetAsync(
        ClaimsPrincipal user, string? metric, string? scope, string? scopeId, string? period, int limit, int minSamples, CancellationToken ct)
    {
        var chosen = LeaderboardMetric.All.FirstOrDefault(m => m.Name == (metric ?? "").Trim().ToLowerInvariant())
            ?? throw new RequestValidationException("metric", $"unknown metric '{metric}'; use {string.Join(", ", LeaderboardMetric.All.Select(m => m.Name))}");
        var board = KpiScope.Parse(scope, scopeId);
        if (board.Kind == ScopeKind.Agent)
        {
            throw new RequestValidationException("scope", "a leaderboard ranks the agents of the organisation (org) or of a team (team)");
        }

        var window = LiveWindow.Named(string.IsNullOrWhiteSpace(period) ? LiveWindow.Last24Hours.PeriodName : period.Trim().ToLowerInvariant())
            ?? throw new RequestValidationException("period", $"unknown period '{period}'; leaderboards are live: use last_hour or last_24h");
        if (limit is < 0 or > MaxLimit)
        {
            throw new RequestValidationException("limit", $"must be between 1 and {MaxLimit}, not {limit}");
        }

        if (minSamples < 0)
        {
            throw new RequestValidationException("min_samples", $"must be 0 or more, not {minSamples}");
        }

        Authorize(user, board);
        var now = time.GetUtcNow();
        var kpiPeriod = periods.Resolve(window.PeriodName, null, null, now);
        var take = limit == 0 ? 10 : limit;
        var boardKey = LiveKpiReader.ScopeKey(board);

        try
        {
            if (await store.IsReadyAsync())
            {
                var sums = await store.ReadBoardAsync(window, boardKey, chosen.Fields, now);
                return new LeaderboardAnswer(chosen, board, kpiPeriod, LeaderboardRanking.Rank(chosen, sums, minSamples, take), true, false);
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogRedisUnavailable(e);
        }

        var fromFacts = await SumsFromFactsAsync(window, kpiPeriod, boardKey, chosen, now, ct);
        return new LeaderboardAnswer(chosen, board, kpiPeriod, LeaderboardRanking.Rank(chosen, fromFacts, minSamples, take), false, true);
    }

    /// <summary>The same sums Redis holds, built in memory from the facts by the same contribution code.</summary>
    private async Task<Dictionary<string, Dictionary<string, double>>> SumsFromFactsAsync(
        LiveWindow window, KpiPeriod period, string board, LeaderboardMetric metric, DateTimeOffset now, CancellationToken ct)
    {
        var facts = await loader.LoadAsync(period, ct);
        var keys = metric.Fields.SelectMany(f => window.BucketsEndingAt(now).Select(b => (Key: LiveKeys.Board(window, b, f, board), Field: f)))
            .ToDictionary(k => k.Key, k => k.Field);
        var sums = metric.Fields.ToDictionary(f => f, _ => new Dictionary<string, double>());
        var values = new LiveDelta();
        new LiveContributionBuilder(values, now).AddAll(facts);
        foreach (var entry in values.Entries)
        {
            if (entry.Kind == LiveEntryKind.Board && keys.TryGetValue(entry.Key, out var field))
            {
                sums[field][entry.Member] = sums[field].GetValueOrDefault(entry.Member) + entry.Value;
            }
        }

        return sums;
    }

    private static void Authorize(ClaimsPrincipal user, KpiScope board)
    {
        var caller = CallerScope.From(user);
        if (caller.Team is not null && !(board.Kind == ScopeKind.Team && caller.Team.Length > 0 && board.Id == caller.Team))
        {
            throw new ForbiddenException(board.Kind == ScopeKind.Org
                ? "only quality managers and admins may see the organisation's leaderboard"
                : $"you may see only your own team's leaderboard, not team {board.Id}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unavailable: leaderboard answered from PostgreSQL")]
    private partial void LogRedisUnavailable(Exception exception);
}
