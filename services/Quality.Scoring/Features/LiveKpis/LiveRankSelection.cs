using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// The k-th smallest score across several sorted sets (a window's duration buckets), found inside Redis without
/// merging them. A union of every bucket into a scratch key costs O(all samples) per read and grows with traffic;
/// this costs O(buckets · log samples) Redis calls: each round takes as pivot the weighted median of the buckets'
/// middle candidates (ZRANGE by rank), counts per bucket how many lie below and at it (ZCOUNT, so equal scores are
/// counted, not guessed), and keeps only the side that holds rank k. The weighted median leaves at least a quarter
/// of the candidates on each side, so a round removes at least a quarter of them; the last few are sorted in Lua.
/// The result is the value at that rank of the sorted multiset, exactly what <c>KpiCalculator.Percentile</c> reads.
/// </summary>
public static class LiveRankSelection
{
    /// <summary>
    /// Lua functions prepended to the scripts that need them: <c>rank_sets(keys)</c> gives the non-empty sets and
    /// their total size, <c>kth_smallest(sets, k)</c> the k-th smallest score (1 ≤ k ≤ total) as a string that parses
    /// back to the stored double. No '@' in here: the text goes through <see cref="LuaScript.Prepare"/>.
    /// </summary>
    public const string Functions = """
        -- Lua numbers reach Redis (and .NET) as '%.14g' strings unless formatted: 17 digits round-trip a double.
        local function exact(score) return string.format('%.17g', score) end

        local function rank_sets(keys)
          local sets, total = {}, 0
          for _, key in ipairs(keys) do
            local n = redis.call('ZCARD', key)
            if n > 0 then sets[#sets + 1] = {key = key, n = n}; total = total + n end
          end
          return sets, total
        end

        local function kth_smallest(sets, k)
          -- Candidates: per set a range of ranks [lo, hi] (0-based, inclusive) that may hold the answer; k counts
          -- within them. Below a set's range every score is <= the answer, above it every score is >=.
          local live = {}
          for i, s in ipairs(sets) do live[i] = {key = s.key, lo = 0, hi = s.n - 1} end
          while true do
            local total = 0
            for _, s in ipairs(live) do total = total + s.hi - s.lo + 1 end
            -- Few enough left: one ZRANGE per set and a sort costs less than more rounds of 2–3 calls per set.
            if total <= 8 * #live + 32 then
              local values = {}
              for _, s in ipairs(live) do
                local flat = redis.call('ZRANGE', s.key, s.lo, s.hi, 'WITHSCORES')
                for j = 2, #flat, 2 do values[#values + 1] = tonumber(flat[j]) end
              end
              table.sort(values)
              return exact(values[k])
            end
            -- Pivot: the weighted median of the sets' middle candidates, weighted by how many candidates each has.
            local middles = {}
            for i, s in ipairs(live) do
              local m = math.floor((s.lo + s.hi) / 2)
              local at = redis.call('ZRANGE', s.key, m, m, 'WITHSCORES')
              middles[i] = {score = tonumber(at[2]), weight = s.hi - s.lo + 1}
            end
            table.sort(middles, function(a, b) return a.score < b.score end)
            local pivot, seen = nil, 0
            for _, m in ipairs(middles) do
              seen = seen + m.weight
              if 2 * seen >= total then pivot = m.score; break end
            end
            local bound = exact(pivot)
            -- A set is sorted by score, so the count of its scores below the pivot is the rank where the pivot's
            -- scores start; clamped to the candidates, it splits them.
            local below = 0
            for _, s in ipairs(live) do
              s.lt = math.min(math.max(redis.call('ZCOUNT', s.key, '-inf', '(' .. bound), s.lo), s.hi + 1)
              below = below + s.lt - s.lo
            end
            local kept = {}
            if k <= below then
              for _, s in ipairs(live) do
                if s.lt > s.lo then s.hi = s.lt - 1; kept[#kept + 1] = s end
              end
            else
              -- Only when the answer is not below the pivot do the scores equal to it matter: count them too.
              local upto = 0
              for _, s in ipairs(live) do
                s.le = math.min(math.max(redis.call('ZCOUNT', s.key, '-inf', bound), s.lo), s.hi + 1)
                upto = upto + s.le - s.lo
              end
              if k <= upto then return bound end
              k = k - upto
              for _, s in ipairs(live) do
                if s.le <= s.hi then s.lo = s.le; kept[#kept + 1] = s end
              end
            end
            live = kept
          end
        end

        -- Nearest rank, as KpiCalculator.Percentile: the ceil(p% · n)-th smallest, clamped to 1..n.
        local function percentile_rank(p, total)
          return math.max(1, math.min(total, math.ceil(tonumber(p) / 100 * total)))
        end

        """;

    private static readonly LuaScript Select = LuaScript.Prepare(Functions + """
        local sets, total = rank_sets(cjson.decode(@keys))
        local k = tonumber(@rank)
        if k < 1 or k > total then return false end
        return kth_smallest(sets, k)
        """);

    /// <summary>The <paramref name="rank"/>-th smallest score (1-based) across the sets, or null when they hold fewer.</summary>
    public static async Task<double?> KthSmallestAsync(IDatabase db, IReadOnlyList<string> keys, long rank)
    {
        var result = await db.ScriptEvaluateAsync(Select, new
        {
            keys = JsonSerializer.Serialize(keys),
            rank = rank.ToString(CultureInfo.InvariantCulture),
        });
        return result.IsNull ? null : double.Parse(result.ToString(), CultureInfo.InvariantCulture);
    }
}
