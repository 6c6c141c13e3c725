using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// The live values in Redis: per-bucket counters, duration samples and leaderboards, written as entity
/// contributions. Each entity's last contribution is stored beside the values with its version; applying a
/// newer one undoes the old entries and adds the new ones in one script, and an older or equal version is
/// ignored. So a duplicate event changes nothing, a late event re-attributes what it must, and what Redis
/// holds is always the sum of the latest contribution of every entity — which is what a rebuild writes.
/// </summary>
public sealed class LiveStore(IConnectionMultiplexer redis, TimeProvider time)
{
    /// <summary>How long a record without state outlives its last bucket, so a late, stale version still finds it.</summary>
    private static readonly TimeSpan RecordMargin = TimeSpan.FromDays(1);

    // Changes what Redis holds from the entity's previous contribution to its new one, cell by cell (a cell is a kind,
    // key and member): only cells whose value changed are written, which for a case with one new event is a few of its
    // dozens. The result equals undoing every old entry and adding every new one: an old entry counts only if its key
    // still exists (a bucket past its expiry, or a flush, took it with it), a counter cell moves by the difference, a
    // board cell too (and, as an undo that reached zero would have left it, is set to the new value if the rest went
    // below it), a sample is re-added only if its value changed.
    private static readonly LuaScript Apply = LuaScript.Prepare("""
        local function cell(e) return e[1] .. '|' .. e[2] .. '|' .. e[3] end
        local function undo(e)
          if e[1] == 'p' then
            redis.call('ZREM', e[2], e[3])
          elseif e[1] == 'z' then
            if tonumber(redis.call('ZINCRBY', e[2], '-' .. e[4], e[3])) <= 0 then redis.call('ZREM', e[2], e[3]) end
          else
            if redis.call('HINCRBY', e[2], e[3], '-' .. e[4]) == 0 then redis.call('HDEL', e[2], e[3]) end
          end
        end
        local function change(o, e)
          if e[1] == 'p' then
            if o and o[4] == e[4] then return end
            redis.call('ZADD', e[2], e[4], e[3])
          elseif e[1] == 'z' then
            local from = o and tonumber(o[4]) or 0
            local to = tonumber(e[4])
            if o and from == to then return end
            if tonumber(redis.call('ZINCRBY', e[2], string.format('%d', to - from), e[3])) < to then redis.call('ZADD', e[2], e[4], e[3]) end
          else
            local by = tonumber(e[4]) - (o and tonumber(o[4]) or 0)
            if o and by == 0 then return end
            redis.call('HINCRBY', e[2], e[3], string.format('%d', by))
          end
          if e[5] ~= '0' and (not o or o[5] ~= e[5]) then redis.call('EXPIREAT', e[2], e[5]) end
        end
        local previous = redis.call('GET', @record)
        local touched = {}
        local old = {}
        if previous then
          local prior = cjson.decode(previous)
          if tonumber(prior.v) >= tonumber(@version) then return 0 end
          local live = {}
          for _, e in ipairs(prior.e) do
            if live[e[2]] == nil then live[e[2]] = redis.call('EXISTS', e[2]) == 1 end
            if live[e[2]] then old[cell(e)] = e end
          end
          for _, scope in ipairs(prior.s or {}) do touched[scope] = true end
        end
        local new = cjson.decode(@contribution)
        for _, e in ipairs(new.e) do
          local id = cell(e)
          change(old[id], e)
          old[id] = nil
        end
        for _, e in pairs(old) do undo(e) end
        for _, scope in ipairs(new.s or {}) do touched[scope] = true end
        redis.call('SET', @record, @contribution)
        if @expireAt == '0' then redis.call('PERSIST', @record) else redis.call('EXPIREAT', @record, @expireAt) end
        -- Every scope whose values may have changed (the old attribution's and the new one's) tells the live feeds.
        for scope in pairs(touched) do redis.call('PUBLISH', @channel .. scope, @version) end
        return 1
        """);

    // Sums the window's counter hashes, selects the duration percentiles across the window's sample buckets
    // (nearest rank, as the KPI definitions say; see LiveRankSelection) and reads the state, in one round trip.
    // Numbers go back as strings: Lua numbers returned to Redis would be truncated to integers.
    private static readonly LuaScript ReadWindow = LuaScript.Prepare(LiveRankSelection.Functions + """
        if redis.call('EXISTS', @ready) == 0 then return false end
        local keys = cjson.decode(@keys)
        local out = {}
        local sums = {}
        for _, key in ipairs(keys.h) do
          local flat = redis.call('HGETALL', key)
          for j = 1, #flat, 2 do sums[flat[j]] = (sums[flat[j]] or 0) + tonumber(flat[j + 1]) end
        end
        for k, v in pairs(sums) do out[#out + 1] = k; out[#out + 1] = string.format('%d', v) end
        for _, series in ipairs({'frt', 'res'}) do
          local sets, count = rank_sets(keys[series])
          out[#out + 1] = series .. '_count'; out[#out + 1] = tostring(count)
          if count > 0 then
            local values = scores_at(sets, count, {percentile_rank('50', count), percentile_rank('90', count)})
            out[#out + 1] = series .. '_p50'; out[#out + 1] = values[1]
            out[#out + 1] = series .. '_p90'; out[#out + 1] = values[2]
          end
        end
        local state = redis.call('HGETALL', @state)
        for j = 1, #state, 2 do out[#out + 1] = 'state_' .. state[j]; out[#out + 1] = state[j + 1] end
        return out
        """);

    // Sums each field's per-agent figures over the window's buckets in Lua rather than by ZUNIONSTORE into a scratch
    // key: the figures are whole numbers (counts, milliseconds), so the sums are exact either way, but this read
    // writes nothing (no scratch key to replicate, DEL or leave behind). Sums go back with all their digits.
    private static readonly LuaScript ReadBoard = LuaScript.Prepare("""
        local keys = cjson.decode(@keys)
        local out = {}
        for field, fieldKeys in pairs(keys) do
          local sums, agents = {}, {}
          for _, key in ipairs(fieldKeys) do
            local flat = redis.call('ZRANGE', key, 0, -1, 'WITHSCORES')
            for j = 1, #flat, 2 do
              local agent = flat[j]
              if sums[agent] == nil then agents[#agents + 1] = agent; sums[agent] = 0 end
              sums[agent] = sums[agent] + tonumber(flat[j + 1])
            end
          end
          local board = {}
          for _, agent in ipairs(agents) do board[#board + 1] = agent; board[#board + 1] = string.format('%.17g', sums[agent]) end
          out[#out + 1] = field
          out[#out + 1] = board
        end
        return out
        """);

    private static readonly LuaScript FinishRebuild = LuaScript.Prepare("""
        if redis.call('GET', @rebuilding) == @id then
          redis.call('DEL', @rebuilding)
          redis.call('SET', @ready, @id)
          return 1
        end
        return 0
        """);

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Applies contributions in one pipeline; each applies only if newer than what Redis holds for its entity.</summary>
    public async Task ApplyAsync(IReadOnlyCollection<LiveContribution> contributions)
    {
        var db = Db;
        var minimumRecordExpiry = (time.GetUtcNow() + RecordMargin).ToUnixTimeSeconds();
        await Task.WhenAll(contributions.Select(c => db.ScriptEvaluateAsync(Apply, new
        {
            record = (RedisKey)LiveKeys.Entity(c.Entity),
            version = c.Version.ToString(CultureInfo.InvariantCulture),
            contribution = Serialize(c),
            channel = LiveKeys.ChangesChannelPrefix,
            expireAt = c.HoldsState ? "0" : Math.Max(minimumRecordExpiry, c.Entries.Select(e => e.ExpireAt).DefaultIfEmpty(0).Max()).ToString(CultureInfo.InvariantCulture),
        })));
    }

    /// <summary>
    /// Counter sums, percentiles and state for a scope over the window ending now; field → value as stored. Null when
    /// the live values are not complete (flushed, or not rebuilt yet): checked in the same round trip.
    /// </summary>
    public async Task<Dictionary<string, string>?> ReadWindowAsync(LiveWindow window, string scope, DateTimeOffset now)
    {
        var buckets = window.BucketsEndingAt(now).ToList();
        var keys = new Dictionary<string, string[]>
        {
            ["h"] = [.. buckets.Select(b => LiveKeys.Counters(window, b, scope))],
            [LiveFields.FirstResponseSeries] = [.. buckets.Select(b => LiveKeys.Durations(window, b, LiveFields.FirstResponseSeries, scope))],
            [LiveFields.ResolutionSeries] = [.. buckets.Select(b => LiveKeys.Durations(window, b, LiveFields.ResolutionSeries, scope))],
        };
        var result = await Db.ScriptEvaluateAsync(ReadWindow, new
        {
            keys = JsonSerializer.Serialize(keys),
            state = (RedisKey)LiveKeys.State(scope),
            ready = (RedisKey)LiveKeys.Ready,
        });
        if (result.IsNull)
        {
            return null;
        }

        var flat = (RedisResult[])result!;
        var values = new Dictionary<string, string>(flat.Length / 2);
        for (var i = 0; i < flat.Length; i += 2)
        {
            values[flat[i].ToString()] = flat[i + 1].ToString();
        }

        return values;
    }

    /// <summary>Each field's per-agent sum on a board (the organisation or a team) over the window ending now.</summary>
    public async Task<Dictionary<string, Dictionary<string, double>>> ReadBoardAsync(
        LiveWindow window, string board, IReadOnlyCollection<string> fields, DateTimeOffset now)
    {
        var buckets = window.BucketsEndingAt(now).ToList();
        var keys = fields.ToDictionary(f => f, f => buckets.Select(b => LiveKeys.Board(window, b, f, board)).ToArray());
        var result = await Db.ScriptEvaluateAsync(ReadBoard, new { keys = JsonSerializer.Serialize(keys) });
        var flat = (RedisResult[])result!;
        var boards = fields.ToDictionary(f => f, _ => new Dictionary<string, double>());
        for (var i = 0; i < flat.Length; i += 2)
        {
            var members = (RedisResult[])flat[i + 1]!;
            var scores = boards[flat[i].ToString()];
            for (var j = 0; j < members.Length; j += 2)
            {
                scores[members[j].ToString()] = double.Parse(members[j + 1].ToString(), CultureInfo.InvariantCulture);
            }
        }

        return boards;
    }

    public Task<bool> IsReadyAsync() => Db.KeyExistsAsync(LiveKeys.Ready);

    /// <summary>Starts a rebuild: the marker a flush would remove.</summary>
    public Task BeginRebuildAsync(string id) => Db.StringSetAsync(LiveKeys.Rebuilding, id);

    /// <summary>Marks the live values complete, unless Redis was flushed (or another rebuild started) since <paramref name="id"/> began.</summary>
    public async Task<bool> CompleteRebuildAsync(string id) =>
        (int)await Db.ScriptEvaluateAsync(FinishRebuild, new { rebuilding = (RedisKey)LiveKeys.Rebuilding, ready = (RedisKey)LiveKeys.Ready, id }) == 1;

    /// <summary>One rebuild at a time across replicas; the lock expires if its holder dies.</summary>
    public Task<bool> TryLockRebuildAsync(string id, TimeSpan lease) => Db.StringSetAsync(LiveKeys.RebuildLock, id, lease, When.NotExists);

    public Task UnlockRebuildAsync(string id) =>
        Db.ScriptEvaluateAsync("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
            [LiveKeys.RebuildLock], [id]);

    private static string Serialize(LiveContribution contribution) => JsonSerializer.Serialize(new
    {
        v = contribution.Version.ToString(CultureInfo.InvariantCulture),
        s = contribution.Scopes,
        e = contribution.Entries.Select(e => new[]
        {
            e.Kind switch { LiveEntryKind.Sample => "p", LiveEntryKind.Board => "z", LiveEntryKind.State => "s", _ => "c" },
            e.Key,
            e.Member,
            e.Kind == LiveEntryKind.Sample ? e.Value.ToString("R", CultureInfo.InvariantCulture) : ((long)e.Value).ToString(CultureInfo.InvariantCulture),
            e.ExpireAt.ToString(CultureInfo.InvariantCulture),
        }),
    });
}
