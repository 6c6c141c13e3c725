namespace Quality.Intake.Features.Imports;

public enum ImportStatus
{
    /// <summary>Uploaded and waiting for the worker.</summary>
    Queued = 1,
    Running = 2,
    Completed = 3,

    /// <summary>Stopped before the end of the file (see the job's error); the rows before it are stored.</summary>
    Failed = 4,
}
