using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Features.Leaderboards;
using Quality.Scoring.Features.LiveKpis;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;
using StackExchange.Redis;

namespace Quality.Scoring.Grpc;

public sealed class ScoringGrpcService(
    LiveCounterStore live, LiveFactCounter factCounter, KpiQuery kpis, LeaderboardQuery leaderboards, LiveMaintenance maintenance, TimeProvider time)
    : ScoringService.ScoringServiceBase
{
    public override async Task<LiveCounters> GetLiveCounters(GetLiveCountersRequest request, ServerCallContext context)
    {
        if (request.Scope is not ("" or "org"))
        {
            throw new RequestValidationException("scope", "only the organisation scope (org) has live counters yet");
        }

        var response = new LiveCounters { Scope = "org", AsOf = Timestamp.FromDateTimeOffset(time.GetUtcNow()) };
        try
        {
            response.Counters.Add(await live.ReadOrganisationAsync());
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            response.Counters.Add(await factCounter.CountAsync(context.CancellationToken));
            response.FromFacts = true;
        }

        return response;
    }

    public override async Task<LiveCounters> RebuildLive(RebuildLiveRequest request, ServerCallContext context)
    {
        if (!context.GetHttpContext().User.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException("only admins may rebuild the live counters");
        }

        // The windows and leaderboards are re-folded entity by entity (safe while events arrive); the
        // organisation's counters are replaced from the facts.
        if (!await maintenance.RebuildAsync(context.CancellationToken, wait: TimeSpan.FromSeconds(30)))
        {
            throw new ConflictException("a rebuild has been running on another replica for over 30 s; try again when it has finished");
        }

        var counters = await factCounter.CountAsync(context.CancellationToken);
        var response = new LiveCounters { Scope = "org", FromFacts = true, AsOf = Timestamp.FromDateTimeOffset(time.GetUtcNow()) };
        response.Counters.Add(counters);
        return response;
    }

    public override async Task<KpiReport> GetKpis(GetKpisRequest request, ServerCallContext context)
    {
        var (scope, period, results, fromRedis, degraded) = await kpis.GetAsync(
            context.GetHttpContext().User, request.Scope, request.ScopeId, request.Period,
            request.From?.ToDateTimeOffset(), request.To?.ToDateTimeOffset(), context.CancellationToken);

        var report = new KpiReport
        {
            Scope = scope.Name,
            ScopeId = scope.Id ?? "",
            Period = period.Name,
            From = Timestamp.FromDateTimeOffset(period.From),
            To = Timestamp.FromDateTimeOffset(period.To),
            AsOf = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
            Source = fromRedis ? "redis" : "postgres",
            Degraded = degraded,
        };
        report.Kpis.Add(results.Select(r => new KpiValue
        {
            Name = r.Definition.Name,
            Value = r.Value,
            SampleCount = r.SampleCount,
            Formula = r.Definition.Formula,
            Unit = r.Definition.Unit,
        }));
        return report;
    }

    public override async Task<Leaderboard> GetLeaderboard(GetLeaderboardRequest request, ServerCallContext context)
    {
        var answer = await leaderboards.GetAsync(
            context.GetHttpContext().User, request.Metric, request.Scope, request.ScopeId, request.Period, request.Limit, request.MinSamples,
            context.CancellationToken);
        var board = new Leaderboard
        {
            Metric = answer.Metric.Name,
            Unit = answer.Metric.Unit,
            Scope = answer.Board.Name,
            ScopeId = answer.Board.Id ?? "",
            Period = answer.Period.Name,
            From = Timestamp.FromDateTimeOffset(answer.Period.From),
            To = Timestamp.FromDateTimeOffset(answer.Period.To),
            Source = answer.FromRedis ? "redis" : "postgres",
            Degraded = answer.Degraded,
            AsOf = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
        };
        board.Entries.Add(answer.Entries.Select(e => new Grpc.LeaderboardEntry { Rank = e.Rank, AgentId = e.AgentId, Value = e.Value, SampleCount = e.SampleCount }));
        return board;
    }
}
