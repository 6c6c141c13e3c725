using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// The live values in Redis: per-bucket counters, duration samples, leaderboards and state, moved by
/// <see cref="LiveDelta"/>s. A delta is logged in PostgreSQL with the facts it follows from
/// (<see cref="LivePendingDelta"/>) and applied at most once: applying it leaves a marker, and a delta already marked
/// is skipped. Deltas commute, so they may be applied in any order. While the values are not complete (flushed, or
/// being rebuilt) no delta is applied: they wait in the log.
/// </summary>
public sealed partial class LiveStore(IConnectionMultiplexer redis, TimeProvider time, ILogger<LiveStore> logger)
{
    /// <summary>
    /// How long an applied delta's marker lasts. The log drops a delta once it is marked, so the marker is all that
    /// stops a late copy from applying it again: the process that logged a delta applies it itself only well within
    /// this (<see cref="ApplyAfterCommitAsync"/>). An hour of markers is one small key per batch (about 180,000 at
    /// 5,000 events/s).
    /// </summary>
    public static readonly TimeSpan MarkerLifetime = TimeSpan.FromHours(1);

    // Moves each cell by its amount. A counter, state or board cell that reaches zero is removed (as if never
    // written); a sample is in its sorted set while its count is above zero, so a removal that arrives before its
    // addition cancels it rather than being lost. Every key gets its bucket's expiry, so a delta that reaches a bucket
    // after its expiry leaves nothing behind.
    private const string ApplyFunction = """
        local function apply(payload, channel)
          local delta = cjson.decode(payload)
          local keys = delta.k
          for _, c in ipairs(delta.c) do
            local key, member, by = keys[c[2]][1], c[3], string.format('%d', c[4])
            if c[1] == 'c' then
              if redis.call('HINCRBY', key, member, by) == 0 then redis.call('HDEL', key, member) end
            elseif c[1] == 'z' then
              if tonumber(redis.call('ZINCRBY', key, by, member)) == 0 then redis.call('ZREM', key, member) end
            else
              local counts = keys[c[6]][1]
              local held = redis.call('HINCRBY', counts, member, by)
              if held > 0 then redis.call('ZADD', key, c[5], member) else redis.call('ZREM', key, member) end
              if held == 0 then redis.call('HDEL', counts, member) end
            end
          end
          for _, k in ipairs(keys) do
            if k[2] ~= 0 then redis.call('EXPIREAT', k[1], string.format('%d', k[2])) end
          end
          if channel then
            for _, scope in ipairs(delta.s) do redis.call('PUBLISH', channel .. scope, '1') end
          end
        end

        """;

    // Returns 1 when applied, 0 when it had been, -1 when the values are not complete (the delta stays logged).
    private static readonly LuaScript Apply = LuaScript.Prepare(ApplyFunction + """
        if redis.call('EXISTS', @ready) == 0 then return -1 end
        if not redis.call('SET', @marker, '1', 'NX', 'EX', @markerSeconds) then return 0 end
        apply(@delta, @channel)
        return 1
        """);

    // A rebuild's writes, while it is still the rebuild in progress (a flush or a newer rebuild took its marker).
    private static readonly LuaScript RebuildWrite = LuaScript.Prepare(ApplyFunction + """
        if redis.call('GET', @rebuilding) ~= @id then return 0 end
        apply(@delta, false)
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

    // Marks the values complete and every delta the rebuild counted as applied, so none is applied on top of it.
    private static readonly LuaScript FinishRebuild = LuaScript.Prepare("""
        if redis.call('GET', @rebuilding) ~= @id then return 0 end
        redis.call('DEL', @rebuilding)
        for _, delta in ipairs(cjson.decode(@counted)) do
          redis.call('SET', @markerPrefix .. string.format('%d', delta), '1', 'EX', @markerSeconds)
        end
        redis.call('SET', @ready, @id)
        for _, scope in ipairs(cjson.decode(@scopes)) do redis.call('PUBLISH', @channel .. scope, '1') end
        return 1
        """);

    // One step of a scan for a pattern, removing what it finds; returns the next cursor ("0" when done).
    private static readonly LuaScript ClearStep = LuaScript.Prepare("""
        local found = redis.call('SCAN', @cursor, 'MATCH', @pattern, 'COUNT', 1000)
        if #found[2] > 0 then redis.call('UNLINK', unpack(found[2])) end
        return found[1]
        """);

    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// Applies a logged delta: true when Redis has it (now or before), false when the live values are not complete
    /// (it stays logged, to be applied once a rebuild has finished).
    /// </summary>
    public async Task<bool> ApplyAsync(LivePendingDelta delta) =>
        (int)await Db.ScriptEvaluateAsync(Apply, new
        {
            ready = (RedisKey)LiveKeys.Ready,
            marker = (RedisKey)LiveKeys.Applied(delta.Id),
            markerSeconds = (long)MarkerLifetime.TotalSeconds,
            delta = delta.Payload,
            channel = LiveKeys.ChangesChannelPrefix,
        }) >= 0;

    /// <summary>
    /// Applies a delta once the transaction that logged it has committed. The facts are stored whatever happens here:
    /// a delta Redis could not take (away, or being rebuilt) stays logged and is applied by <see cref="LiveMaintenance"/>.
    /// A delta got to only long after it was logged is left to the log too: by then the log may have applied it and let
    /// it go, and its marker, which would stop a second application, may have expired.
    /// </summary>
    public async Task ApplyAfterCommitAsync(LivePendingDelta? delta)
    {
        if (delta is null || time.GetUtcNow() - delta.CreatedAt > MarkerLifetime / 2)
        {
            return;
        }

        try
        {
            await ApplyAsync(delta);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogRedisUnavailable(e, delta.Id);
        }
    }

    /// <summary>Which of these logged deltas Redis has applied.</summary>
    public async Task<HashSet<long>> AppliedAsync(IReadOnlyList<long> deltas)
    {
        var db = Db;
        var applied = await Task.WhenAll(deltas.Select(id => db.KeyExistsAsync(LiveKeys.Applied(id))));
        return [.. deltas.Where((_, i) => applied[i])];
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

    /// <summary>
    /// Starts a rebuild: the values stop counting as complete (queries go to PostgreSQL, deltas wait in the log), and
    /// the marker a flush would remove is set.
    /// </summary>
    public async Task BeginRebuildAsync(string id)
    {
        var transaction = Db.CreateTransaction();
        _ = transaction.KeyDeleteAsync(LiveKeys.Ready);
        _ = transaction.StringSetAsync(LiveKeys.Rebuilding, id);
        await transaction.ExecuteAsync();
    }

    /// <summary>Removes every live value (and the records of the layout before), ahead of writing them anew.</summary>
    public async Task ClearAsync()
    {
        foreach (var pattern in LiveKeys.ValuePatterns)
        {
            var cursor = "0";
            do
            {
                cursor = (string)(await Db.ScriptEvaluateAsync(ClearStep, new { cursor, pattern }))!;
            }
            while (cursor != "0");
        }
    }

    /// <summary>Adds a rebuild's values; false when the rebuild is no longer the one in progress (flushed meanwhile).</summary>
    public async Task<bool> WriteRebuildAsync(string id, LiveDelta values) =>
        (int)await Db.ScriptEvaluateAsync(RebuildWrite, new { rebuilding = (RedisKey)LiveKeys.Rebuilding, id, delta = values.Serialize() }) == 1;

    /// <summary>
    /// Marks the live values complete, unless Redis was flushed (or another rebuild started) since <paramref name="id"/>
    /// began; the deltas the rebuild's snapshot already held count as applied, and the scopes' feeds are told.
    /// </summary>
    public async Task<bool> CompleteRebuildAsync(string id, IReadOnlyCollection<long> counted, IReadOnlyCollection<string> scopes) =>
        (int)await Db.ScriptEvaluateAsync(FinishRebuild, new
        {
            rebuilding = (RedisKey)LiveKeys.Rebuilding,
            ready = (RedisKey)LiveKeys.Ready,
            id,
            counted = JsonSerializer.Serialize(counted),
            markerPrefix = LiveKeys.AppliedPrefix,
            markerSeconds = (long)MarkerLifetime.TotalSeconds,
            scopes = JsonSerializer.Serialize(scopes),
            channel = LiveKeys.ChangesChannelPrefix,
        }) == 1;

    /// <summary>One rebuild at a time across replicas; the lock expires if its holder dies.</summary>
    public Task<bool> TryLockRebuildAsync(string id, TimeSpan lease) => Db.StringSetAsync(LiveKeys.RebuildLock, id, lease, When.NotExists);

    public Task UnlockRebuildAsync(string id) =>
        Db.ScriptEvaluateAsync("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
            [LiveKeys.RebuildLock], [id]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live delta {Delta} not applied: Redis unavailable; it stays logged and is applied once Redis answers")]
    private partial void LogRedisUnavailable(Exception exception, long delta);
}
