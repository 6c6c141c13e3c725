using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Features.LiveKpis;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;
using StackExchange.Redis;

namespace Quality.Scoring.Grpc;

public sealed class ScoringGrpcService(LiveCounterStore live, LiveFactCounter factCounter, KpiQuery kpis, TimeProvider time) : ScoringService.ScoringServiceBase
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

        var counters = await factCounter.CountAsync(context.CancellationToken);
        await live.ReplaceOrganisationAsync(counters);
        var response = new LiveCounters { Scope = "org", FromFacts = true, AsOf = Timestamp.FromDateTimeOffset(time.GetUtcNow()) };
        response.Counters.Add(counters);
        return response;
    }

    public override async Task<KpiReport> GetKpis(GetKpisRequest request, ServerCallContext context)
    {
        var (scope, period, results) = await kpis.GetAsync(
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
}
