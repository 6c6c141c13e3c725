using StackExchange.Redis;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// Organisation-wide live counters in a Redis hash. Each increment is applied at most once per event id
/// (a marker key set in the same script), so a retried or redelivered event cannot count twice.
/// </summary>
public sealed class LiveCounterStore(IConnectionMultiplexer redis)
{
    public const string OrganisationKey = "quality:live:org";
    private static readonly TimeSpan MarkerLifetime = TimeSpan.FromDays(7);

    private static readonly LuaScript IncrementOnce = LuaScript.Prepare("""
        if redis.call('SET', @marker, '1', 'NX', 'EX', @ttl) then
          redis.call('HINCRBY', @counters, @total, 1)
          redis.call('HINCRBY', @counters, @detail, 1)
          return 1
        end
        return 0
        """);

    public async Task CaseOpenedAsync(Guid eventId, string category)
    {
        await redis.GetDatabase().ScriptEvaluateAsync(IncrementOnce, new
        {
            marker = (RedisKey)$"quality:applied:{eventId}",
            ttl = (long)MarkerLifetime.TotalSeconds,
            counters = (RedisKey)OrganisationKey,
            total = "cases_opened",
            detail = $"cases_opened:{category}",
        });
    }

    public async Task<Dictionary<string, long>> ReadOrganisationAsync()
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(OrganisationKey);
        return entries.ToDictionary(e => e.Name.ToString(), e => (long)e.Value);
    }
}
