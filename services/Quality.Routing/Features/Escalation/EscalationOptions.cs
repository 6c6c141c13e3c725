using System.ComponentModel.DataAnnotations;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Routing.Features.Escalation;

public sealed class EscalationOptions
{
    public const string SectionName = "Routing:Escalation";

    /// <summary>The ladder, lowest first. Empty in configuration means the default below.</summary>
    public List<EscalationLevel> Levels { get; set; } = [];

    /// <summary>A complaint whose sentiment is at or below this starts the ladder (−1 is the most negative).</summary>
    [Range(-1.0, 0.0)]
    public double NegativeSentiment { get; set; } = -0.8;

    /// <summary>A case holding this many complaints (the first and its repeats) starts the ladder.</summary>
    [Range(2, 1000)]
    public int RepeatedComplaints { get; set; } = 3;

    /// <summary>How often each replica climbs the cases whose level is due; a climb is at most about this late.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Escalations climbed per transaction; a full batch is followed at once by the next.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>agent at once, supervisor after 30 minutes, quality manager 2 hours after that.</summary>
    public static List<EscalationLevel> DefaultLevels() =>
    [
        new() { Role = Roles.Agent, Delay = TimeSpan.Zero },
        new() { Role = Roles.Supervisor, Delay = TimeSpan.FromMinutes(30) },
        new() { Role = Roles.QualityManager, Delay = TimeSpan.FromHours(2) },
    ];
}
