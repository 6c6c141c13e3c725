using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// The k-th smallest score across several sorted sets (a window's duration buckets), found inside Redis without
/// merging them. A union of every bucket into a scratch key costs O(all samples) per read and grows with traffic;
/// this costs O(buckets · log samples) Redis calls. It narrows per bucket a range of ranks that holds the answer:
/// a round picks a slice of scores (ZRANGE by rank), counts in every bucket how many lie below and within it
/// (ZCOUNT with exclusive and inclusive bounds, so equal scores are counted, never guessed) and keeps the part that
/// holds rank k. The slice is first the buckets' own estimates of the answer, which are close together when the
/// buckets hold alike samples (then two or three rounds do); when that does not halve the candidates, a weighted
/// median pivot, which always removes a quarter. The last few candidates are sorted in Lua. The result is the value
/// at rank k of the sorted multiset of all scores: exactly what <c>KpiCalculator.Percentile</c> reads.
/// </summary>
public static class LiveRankSelection
{
    /// <summary>
    /// Lua functions prepended to the scripts that need them: <c>rank_sets(keys)</c> gives the non-empty sets and
    /// their total size, <c>scores_at(sets, total, ranks)</c> the k-th smallest score for each k (1 ≤ k ≤ total) as
    /// strings that parse back to the stored doubles, <c>percentile_rank(p, total)</c> the rank of a percentile.
    /// No '@' in here: the text goes through <see cref="LuaScript.Prepare"/>.
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

        -- Below this many candidates, reading them all costs less than narrowing them further.
        local function few(sets, candidates) return candidates <= 8 * sets + 32 end

        -- Every candidate's score, sorted: the sets' rank ranges [lo, hi] read whole.
        local function sorted_scores(live)
          local values = {}
          for _, s in ipairs(live) do
            local flat = redis.call('ZRANGE', s.key, s.lo, s.hi, 'WITHSCORES')
            for j = 2, #flat, 2 do values[#values + 1] = tonumber(flat[j]) end
          end
          table.sort(values)
          return values
        end

        local function score_at(key, rank)
          return tonumber(redis.call('ZRANGE', key, rank, rank, 'WITHSCORES')[2])
        end

        -- The weighted median of the sets' middle candidates, weighted by how many candidates each set has: at least
        -- a quarter of all candidates lie at or below it, and a quarter at or above.
        local function weighted_median(live, total)
          local middles = {}
          for i, s in ipairs(live) do
            middles[i] = {score = score_at(s.key, math.floor((s.lo + s.hi) / 2)), weight = s.hi - s.lo + 1}
          end
          table.sort(middles, function(a, b) return a.score < b.score end)
          local seen = 0
          for _, m in ipairs(middles) do
            seen = seen + m.weight
            if 2 * seen >= total then return m.score end
          end
        end

        -- Each set's own estimate of the answer: its candidate at the same share of its range as k is of the total
        -- (ceil(k·w/total)-th). Fewer than k candidates lie below the smallest estimate and at least k at or below
        -- the largest, so the answer lies between them; when the sets hold alike samples, that is a thin slice.
        local function estimates(live, total, k)
          local low, high
          for _, s in ipairs(live) do
            local w = s.hi - s.lo + 1
            local v = score_at(s.key, s.lo + math.floor((k * w + total - 1) / total) - 1)
            if low == nil or v < low then low = v end
            if high == nil or v > high then high = v end
          end
          return low, high
        end

        local function kth_smallest(sets, k)
          -- Candidates: per set a range of ranks [lo, hi] (0-based, inclusive) that may hold the answer; k counts
          -- within them. Below a set's range every score is <= the answer, above it every score is >=.
          local live = {}
          for i, s in ipairs(sets) do live[i] = {key = s.key, lo = 0, hi = s.n - 1} end
          local bracket = true
          while true do
            local total = 0
            for _, s in ipairs(live) do total = total + s.hi - s.lo + 1 end
            -- Few enough left: one ZRANGE per set and a sort costs less than another round of 3 calls per set.
            if few(#live, total) then return exact(sorted_scores(live)[k]) end
            local low, high
            if bracket then low, high = estimates(live, total, k) else low = weighted_median(live, total); high = low end
            -- Split the candidates into below low, low..high, above high. A set is sorted by score, so its count of
            -- scores below a bound is the rank where the bound's scores start; ZCOUNT with an exclusive and an
            -- inclusive bound puts scores equal to low or high on the right side, clamped to the candidates.
            local below, upto, under, upper = 0, 0, '(' .. exact(low), exact(high)
            for _, s in ipairs(live) do
              s.lt = math.min(math.max(redis.call('ZCOUNT', s.key, '-inf', under), s.lo), s.hi + 1)
              s.le = math.min(math.max(redis.call('ZCOUNT', s.key, '-inf', upper), s.lo), s.hi + 1)
              below = below + s.lt - s.lo
              upto = upto + s.le - s.lo
            end
            local kept, left = {}, 0
            for _, s in ipairs(live) do
              if k <= below then s.hi = s.lt - 1
              elseif k <= upto then s.lo, s.hi = s.lt, s.le - 1
              else s.lo = s.le end
              if s.lo <= s.hi then kept[#kept + 1] = s; left = left + s.hi - s.lo + 1 end
            end
            if k > upto then k = k - upto
            elseif k > below then
              if low == high then return exact(low) end
              k = k - below
            end
            -- A bracket that did not halve the candidates (sets unlike each other) gives way to a median round, which
            -- always removes a quarter of them (the pivot's side, or the pivot's scores at least): so the rounds stay
            -- logarithmic whatever the data, and the brackets make them few when the buckets look alike.
            bracket = not bracket or 2 * left <= total
            live = kept
          end
        end

        -- The scores at several ranks (1 <= rank <= total) of the same sets. A window with few samples is read and
        -- sorted once for every rank; a larger one is searched per rank, at a cost that does not grow with its
        -- samples. (Not ZUNION for the few: it would merge equal members, and a rank counts every score.)
        local function scores_at(sets, total, ranks)
          local found = {}
          if few(#sets, total) then
            local whole = {}
            for i, s in ipairs(sets) do whole[i] = {key = s.key, lo = 0, hi = s.n - 1} end
            local values = sorted_scores(whole)
            for i, k in ipairs(ranks) do found[i] = exact(values[k]) end
          else
            for i, k in ipairs(ranks) do found[i] = kth_smallest(sets, k) end
          end
          return found
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
        return scores_at(sets, total, {k})[1]
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
