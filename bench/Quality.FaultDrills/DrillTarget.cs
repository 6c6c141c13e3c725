using Quality.Contracts;

namespace Quality.FaultDrills;

/// <summary>
/// The running system a drill works on: the AppHost whose children are killed, Intake to post to, the services'
/// health endpoints, and the database server the reconciliation reads.
/// </summary>
public sealed record DrillTarget(
    int AppHostPid,
    Uri IntakeUrl,
    string Token,
    string PostgresConnection,
    Uri RabbitMQUri,
    IReadOnlyDictionary<string, Uri> ServiceUrls)
{
    public static readonly string[] Services = [ResourceNames.Intake, ResourceNames.Routing, ResourceNames.Scoring, ResourceNames.Notifications];

    /// <summary>What the AppHost wrote in its data directory: <c>apphost.pid</c> and <c>quality.env</c>.</summary>
    public static DrillTarget FromDataDirectory(string dataDirectory, QualityEnvironment environment)
    {
        var pidFile = Path.Combine(dataDirectory, "apphost.pid");
        if (!File.Exists(pidFile)
            || !int.TryParse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var pid)
            || !Directory.Exists($"/proc/{pid}"))
        {
            throw new RunException($"no running AppHost found through {pidFile}: start the system with scripts/run.sh --data-dir {dataDirectory}");
        }

        string Required(string key) => environment[key]
            ?? throw new RunException($"{environment.Path} has no {key}: is the system started by scripts/run.sh with this data directory?");

        var urls = Services.ToDictionary(s => s, s => new Uri(Required($"{s.ToUpperInvariant()}_URL").TrimEnd('/') + "/"), StringComparer.Ordinal);
        return new DrillTarget(pid, urls[ResourceNames.Intake], Required("QUALITY_TOKEN"), Required("POSTGRES_CONNECTION"),
            new Uri(Required("RABBITMQ_URI")), urls);
    }
}
