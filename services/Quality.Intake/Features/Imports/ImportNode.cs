namespace Quality.Intake.Features.Imports;

/// <summary>
/// Which machine an upload was spooled on. Jobs are processed where their file is; replicas on one machine
/// share the spool directory, so any of them can take over a job whose worker stopped.
/// </summary>
public static class ImportNode
{
    public static string Name { get; } = Environment.MachineName;
}
