using System.ComponentModel.DataAnnotations;

namespace Quality.Gateway.Limits;

/// <summary>
/// The largest request body the gateway passes on (<c>Gateway:BodyLimits</c>), 413 above it: <see cref="DefaultBytes"/>
/// for every route, and per route id (<c>Gateway:BodyLimits:Routes:&lt;route id&gt;</c>) for the uploads. Each is at
/// least the service's own limit, so the service, which knows the endpoint, gives the precise answer.
/// </summary>
public sealed class BodyLimitOptions
{
    public const string SectionName = "Gateway:BodyLimits";

    private const long MiB = 1024 * 1024;

    /// <summary>Above Intake's JSON limit (256 KiB) and anything the dashboard posts.</summary>
    [Range(1024, long.MaxValue)]
    public long DefaultBytes { get; set; } = 1 * MiB;

    /// <summary>Overrides by route id (<see cref="Routing.ServiceRoutes"/>); binding configuration adds to or replaces these.</summary>
    public Dictionary<string, long> Routes { get; set; } = new()
    {
        [Routing.ServiceRoutes.Transcripts] = 4 * MiB,
        [Routing.ServiceRoutes.FeedbackBatch] = 32 * MiB,
        [Routing.ServiceRoutes.Email] = 64 * MiB,
        [Routing.ServiceRoutes.ClassifierExamples] = 32 * MiB,
        [Routing.ServiceRoutes.Imports] = 2048 * MiB,
    };

    /// <summary>The limit on a route and the configuration key that sets it.</summary>
    public (long Bytes, string Key) For(string? routeId) =>
        routeId is not null && Routes.TryGetValue(routeId, out var bytes)
            ? (bytes, $"{SectionName}:Routes:{routeId}")
            : (DefaultBytes, $"{SectionName}:{nameof(DefaultBytes)}");
}
