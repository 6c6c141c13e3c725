namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// Redis key names for the live values. A scope or board id always comes last, so an id containing ':' can
/// never make two keys collide.
/// </summary>
public static class LiveKeys
{
    private const string Prefix = "quality:live:";

    /// <summary>
    /// Present while the live values are complete; gone after a flush or loss, which starts a rebuild. Named for the
    /// layout (v2: summed changes, counted samples), so the marker an older layout left (<c>quality:live:ready</c>)
    /// does not count and an upgrade rebuilds.
    /// </summary>
    public const string Ready = Prefix + "ready:v2";

    /// <summary>Set when a rebuild starts; a flush during the rebuild removes it, so that rebuild does not claim readiness.</summary>
    public const string Rebuilding = Prefix + "rebuilding";

    public const string RebuildLock = Prefix + "rebuild-lock";

    /// <summary>Pub/sub channels, one per scope (<c>…changes:team:x</c>): published when a fold may have changed the scope's values.</summary>
    public const string ChangesChannelPrefix = Prefix + "changes:";

    public static string Organisation => "org";

    public static string Team(string id) => "team:" + id;

    public static string Agent(string id) => "agent:" + id;

    /// <summary>A bucket's counters (hash) for a scope.</summary>
    public static string Counters(LiveWindow window, long bucket, string scope) => $"{Prefix}{window.Code}:{bucket}:h:{scope}";

    /// <summary>A bucket's durations (sorted set, member = fact id, score = seconds) for exact percentiles.</summary>
    public static string Durations(LiveWindow window, long bucket, string series, string scope) => $"{Prefix}{window.Code}:{bucket}:{series}:{scope}";

    /// <summary>A bucket's per-agent figure (sorted set, member = agent id) on a board: the organisation or a team.</summary>
    public static string Board(LiveWindow window, long bucket, string field, string board) => $"{Prefix}{window.Code}:{bucket}:lb:{field}:{board}";

    /// <summary>How many contributions hold each sample of <see cref="Durations"/> (hash, member = fact id).</summary>
    public static string DurationCounts(LiveWindow window, long bucket, string series, string scope) => $"{Prefix}{window.Code}:{bucket}:{series}-n:{scope}";

    /// <summary>Current state (hash, no time bucket), e.g. the backlog.</summary>
    public static string State(string scope) => $"{Prefix}state:{scope}";

    /// <summary>Set when a logged change (<see cref="LivePendingDelta"/>) has been applied, so it is never applied twice.</summary>
    public static string Applied(long delta) => AppliedPrefix + delta.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public const string AppliedPrefix = Prefix + "applied:";

    /// <summary>
    /// Patterns matching every live value a rebuild replaces: the windows' buckets, the state, and the per-entity
    /// records of the layout before v2.
    /// </summary>
    public static IEnumerable<string> ValuePatterns =>
        [.. LiveWindow.All.Select(w => $"{Prefix}{w.Code}:*"), $"{Prefix}state:*", $"{Prefix}entity:*"];
}
