using StackExchange.Redis;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// Organisation-wide live counters in a Redis hash. Each fact's increments are applied at most once (a marker
/// key named after the fact's own key, set in the same script), so a retried, redelivered or re-published event
/// cannot count twice, and the counters stay equal to what <see cref="LiveFactCounter"/> computes from the facts.
/// </summary>
public sealed class LiveCounterStore(IConnectionMultiplexer redis)
{
    public const string OrganisationKey = "quality:live:org";
    private const string RebuildKey = "quality:live:org:rebuild";
    private static readonly TimeSpan MarkerLifetime = TimeSpan.FromDays(7);

    private static readonly LuaScript IncrementOnce = LuaScript.Prepare("""
        if redis.call('SET', @marker, '1', 'NX', 'EX', @ttl) then
          for field in string.gmatch(@fields, '[^\n]+') do
            redis.call('HINCRBY', @counters, field, 1)
          end
          return 1
        end
        return 0
        """);

    public Task CaseOpenedAsync(Guid caseId, string category) =>
        IncrementOnceAsync($"case-opened:{caseId}", [LiveCounterNames.CasesOpened, LiveCounterNames.CasesOpenedIn(category)]);

    public Task SurveyAnsweredAsync(Guid feedbackId, Contracts.Intake.SurveyType type, int score) =>
        IncrementOnceAsync($"survey:{feedbackId}:{(int)type}", LiveCounterNames.ForSurvey(type, score));

    public async Task<Dictionary<string, long>> ReadOrganisationAsync()
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(OrganisationKey);
        return entries.ToDictionary(e => e.Name.ToString(), e => (long)e.Value);
    }

    /// <summary>
    /// Replaces the organisation's counters with <paramref name="counters"/> in one step: written under a
    /// scratch key, then renamed over the live one, so a reader never sees a half-built hash.
    /// </summary>
    public async Task ReplaceOrganisationAsync(IReadOnlyDictionary<string, long> counters)
    {
        var db = redis.GetDatabase();
        if (counters.Count == 0)
        {
            await db.KeyDeleteAsync(OrganisationKey);
            return;
        }

        await db.KeyDeleteAsync(RebuildKey);
        await db.HashSetAsync(RebuildKey, [.. counters.Select(c => new HashEntry(c.Key, c.Value))]);
        await db.KeyRenameAsync(RebuildKey, OrganisationKey);
    }

    private async Task IncrementOnceAsync(string fact, IReadOnlyList<string> fields)
    {
        if (fields.Count == 0)
        {
            return;
        }

        await redis.GetDatabase().ScriptEvaluateAsync(IncrementOnce, new
        {
            marker = (RedisKey)$"quality:applied:{fact}",
            ttl = (long)MarkerLifetime.TotalSeconds,
            counters = (RedisKey)OrganisationKey,
            fields = string.Join('\n', fields),
        });
    }
}
