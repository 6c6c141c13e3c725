using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Quality.Scoring.Features.LiveKpis;
using Quality.ServiceDefaults.Errors;
using StackExchange.Redis;

namespace Quality.Scoring.Grpc;

public sealed class ScoringGrpcService(LiveCounterStore live, CaseFactRecorder facts, TimeProvider time) : ScoringService.ScoringServiceBase
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
            response.Counters.Add(await facts.CountFromFactsAsync(context.CancellationToken));
            response.FromFacts = true;
        }

        return response;
    }
}
