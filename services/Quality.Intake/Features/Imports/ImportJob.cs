namespace Quality.Intake.Features.Imports;

/// <summary>
/// One uploaded file and how far its import got. The counters and <see cref="LastRow"/> are written in the
/// same transaction as each batch of stored rows, so they are exact while it runs and a restarted worker
/// resumes after the last committed row.
/// </summary>
public sealed class ImportJob
{
    public Guid Id { get; init; }
    public ImportFormat Format { get; init; }
    public ImportStatus Status { get; set; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>When a worker last showed it was alive; a running job silent for long is taken over.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    /// <summary>The machine whose spool directory holds the file: only its workers can read it.</summary>
    public required string Node { get; init; }

    public required string SpoolFile { get; init; }
    public long BytesTotal { get; init; }
    public long BytesRead { get; set; }
    public long RowsRead { get; set; }
    public long Stored { get; set; }
    public long Duplicates { get; set; }
    public long Rejected { get; set; }

    /// <summary>The row number of the last row committed; a resumed import skips up to here.</summary>
    public long LastRow { get; set; }

    public string? Error { get; set; }
}
